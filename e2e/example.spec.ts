/**
 * A new user opens the built-in penguins example: looks at a node's rows and profile, runs it all,
 * reads the run history, saves an edit with Ctrl+S; a reload with unsaved edits offers them back;
 * a reload after a run shows what that run kept, without running again.
 * The passing run also takes the README's screenshot (docs/screenshot.png).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { card, centreOn, openApp, runCount, select, status } from './support/app';
import { expect, test } from './support/fixtures';
import { repoRoot, serveExamples, type ServedProject } from './support/serve';

const PENGUIN_NODES = ['penguins', 'clean', 'known_sex', 'checks', 'features', 'parts', 'scaled_train', 'scaled_test', 'by_species', 'species_report', 'train_file', 'test_file', 'model', 'scored', 'quality', 'metrics_file'];

/** Steps a run computes inside a later step's query: nothing of theirs is kept; a reload shows them within it. */
const FUSED_NODES = { penguins: 'checks', clean: 'checks', known_sex: 'checks', by_species: 'species_report' };

let served: ServedProject;
test.beforeAll(async () => {
  served = await serveExamples();
});
test.afterAll(async () => {
  await served?.stop();
});

async function openPenguins(page: Page): Promise<void> {
  await openApp(page, served.url);
  await page.getByTestId('open-pipeline-penguins.yaml').click();
  await expect(card(page, 'features')).toBeVisible();
}

test('open the penguins example, look at its data, run it, read the history and save', async ({ page, guard }) => {
  await openPenguins(page);
  await expect(page.locator('.react-flow__node')).toHaveCount(PENGUIN_NODES.length);
  for (const id of PENGUIN_NODES) await expect(card(page, id)).toBeAttached();

  // features: rows with column types in the headers, then a card per column in the Profile tab.
  await centreOn(page, 'features');
  await select(page, 'features');
  const grid = page.getByTestId('data-grid');
  await expect(grid.getByTestId('grid-header-Beak Ratio')).toContainText('DOUBLE');
  await expect(grid.getByTestId('grid-header-Species')).toContainText('VARCHAR');
  await expect(grid.getByTestId('grid-header-Heavy')).toContainText('BOOLEAN');
  await expect(grid.getByTestId('grid-cell').first()).toBeVisible();
  await expect(page.getByTestId('row-count')).toContainText('333');
  await page.getByTestId('profile-tab').click();
  await expect(page.getByTestId('column-profile-Body Mass (g)')).toBeVisible();
  await expect(page.getByTestId('column-profile-Species')).toContainText('Adelie');
  await page.getByTestId('data-tab').click();

  // Run all: every node ends done; cards show their shapes.
  const runsBefore = await runCount(page);
  await page.getByTestId('toolbar-run-all').click();
  for (const id of PENGUIN_NODES) await expect(status(page, id)).toHaveAttribute('data-status', /^(done|cached)$/, { timeout: 60_000 });
  await expect(status(page, 'features')).toContainText('333 rows × 9 cols');
  await expect(page.getByTestId('run-status')).toBeVisible();

  // The README's picture: the pipeline after a run, `features` selected, its rows and profiles below.
  await expect(page.getByTestId('data-tab')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('data-grid').getByTestId('grid-cell').first()).toBeVisible();
  await expect(page.getByTestId('data-grid').locator('.dp-mini-pending')).toHaveCount(0);
  await expect(page.getByTestId('row-count')).toContainText('333');
  await expect(page.getByTestId('toast-success').or(page.getByTestId('toast-info'))).toHaveCount(0);
  const screenshot = await page.screenshot();

  // The run history lists the run, with its nodes.
  await page.getByTestId('toolbar-history').click();
  const run = page.getByTestId('run-row').first();
  await expect(run).toHaveAttribute('data-status', 'succeeded');
  expect(await runCount(page)).toBe(runsBefore + 1);
  await run.locator('.run-summary').click();
  await expect(page.getByTestId('run-details').getByTestId('run-node')).toHaveCount(PENGUIN_NODES.length);
  await page.getByTestId('run-history-close').click();

  // An edit saved with Ctrl+S lands in the file, which still opens and runs.
  await select(page, 'features');
  await page.getByTestId('node-label-input').fill('Engineered features');
  await page.getByTestId('node-label-input').press('Enter');
  await expect(card(page, 'features')).toContainText('Engineered features');
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.getByTestId('toast-success')).toContainText('Saved penguins.yaml');
  const saved = readFileSync(path.join(served.root, 'penguins.yaml'), 'utf8');
  expect(saved).toMatch(/label: Engineered features/);
  expect(saved).toContain('Sex IN (\'MALE\', \'FEMALE\')');

  // Only a run that passed everything (the network and console checks too) may replace the README's picture.
  guard.assertClean();
  mkdirSync(path.join(repoRoot, 'docs'), { recursive: true });
  writeFileSync(path.join(repoRoot, 'docs/screenshot.png'), screenshot);
});

test('a reload with unsaved edits to an opened file offers to restore them and runs nothing', async ({ page }) => {
  await openPenguins(page);
  await select(page, 'known_sex');
  await page.getByTestId('node-label-input').fill('Known sex only');
  await page.getByTestId('node-label-input').press('Enter');
  await expect(card(page, 'known_sex')).toContainText('Known sex only');
  // Autosave is debounced: wait until the engine holds the edit before the page goes away.
  await expect
    .poll(() => page.evaluate(async () => JSON.stringify(await (await fetch('/api/autosave?key=penguins.yaml')).json())))
    .toContain('Known sex only');
  const runs = await runCount(page);

  await page.reload();
  await expect(page.getByTestId('restore-banner')).toBeVisible();
  await expect(card(page, 'known_sex')).not.toContainText('Known sex only');
  expect(await runCount(page)).toBe(runs);
  await page.getByTestId('restore-accept').click();
  await expect(page.getByTestId('restore-banner')).toBeHidden();
  await expect(card(page, 'known_sex')).toContainText('Known sex only');
  for (const id of ['known_sex', 'features']) await expect(status(page, id)).not.toHaveAttribute('data-status', 'running');
  expect(await runCount(page)).toBe(runs);
});

test.describe('reopening a pipeline run before', () => {
  // A project of its own: its run history holds only this test's run.
  let own: ServedProject;
  test.beforeAll(async () => {
    own = await serveExamples();
  });
  // After the page is gone (an open page would log the server's going away as errors).
  test.afterAll(async () => {
    await own?.stop();
  });

  test('a reload after a run shows what the run kept, with its row counts, and runs nothing', async ({ page }, testInfo) => {
    await openApp(page, own.url);
    await page.getByTestId('open-pipeline-penguins.yaml').click();
    await expect(card(page, 'features')).toBeVisible();
    for (const id of PENGUIN_NODES) await expect(status(page, id)).toHaveAttribute('data-status', 'idle');
    await page.getByTestId('toolbar-run-all').click();
    for (const id of PENGUIN_NODES) await expect(status(page, id)).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    const kept = PENGUIN_NODES.filter((id) => !(id in FUSED_NODES));
    const shapes = new Map<string, string>();
    for (const id of kept) shapes.set(id, (await status(page, id).locator('.status-detail').textContent()) ?? '');
    expect(shapes.get('features')).toBe('333 rows × 9 cols');

    await page.reload();
    await expect(card(page, 'features')).toBeVisible();
    for (const id of kept) {
      await expect(status(page, id)).toHaveAttribute('data-status', 'cached');
      await expect(status(page, id)).toHaveAttribute('title', /kept from an earlier run/);
      await expect(status(page, id).locator('.status-detail')).toHaveText(shapes.get(id)!);
    }
    for (const [id, into] of Object.entries(FUSED_NODES)) {
      await expect(status(page, id)).toHaveAttribute('data-status', 'cached');
      await expect(status(page, id).locator('.status-detail')).toHaveText(`within ${into}`);
    }
    // A picture of the whole reloaded pipeline (kept for the report of this feature).
    for (let i = 0; i < 4; i++) await page.locator('.react-flow__controls-zoomout').click();
    await centreOn(page, 'parts');
    for (const id of ['penguins', 'metrics_file']) await expect(card(page, id)).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath('reloaded-canvas.png') });

    // Nothing ran: the history still holds the one run.
    expect(await runCount(page)).toBe(1);
    await page.getByTestId('toolbar-history').click();
    await expect(page.getByTestId('run-row')).toHaveCount(1);
    await page.getByTestId('run-history-close').click();

    // An edit marks the step and what follows it stale, as after a real run; the steps before it stay cached.
    await centreOn(page, 'parts');
    await select(page, 'parts');
    await page.getByTestId('param-input-seed').fill('8');
    for (const id of ['parts', 'scaled_train', 'model']) await expect(status(page, id)).toHaveAttribute('data-status', 'stale');
    for (const id of ['features', 'checks', 'species_report']) await expect(status(page, id)).toHaveAttribute('data-status', 'cached');
    expect(await runCount(page)).toBe(1);
  });
});
