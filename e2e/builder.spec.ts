/**
 * A new user builds a pipeline from nothing: drag a CSV source, add a filter and a derive, wire them,
 * set params, look at the data and its profile, run, export the YAML (and run it with the CLI),
 * import it back, undo and redo; the canvas refuses a wrong connection and says why; a bad
 * expression shows its error in words; a reload offers the unsaved work back and runs nothing.
 */
import path from 'node:path';
import { card, connect, dragToCanvas, edges, openApp, paletteItem, runCount, runWithCli, select, status, typeInEditor } from './support/app';
import { expect, PREVIEW_REFUSED, test } from './support/fixtures';
import { serveExamples, type ServedProject } from './support/serve';

let served: ServedProject;
test.beforeAll(async () => {
  served = await serveExamples();
});
test.afterAll(async () => {
  await served?.stop();
});
// A node just dropped has no params yet: the engine refuses its preview (422) and the panel says why.
test.beforeEach(({ guard }) => guard.allowConsoleError(PREVIEW_REFUSED));

/** Welcome → New pipeline: an empty canvas that says how to start. */
async function newPipeline(page: import('@playwright/test').Page): Promise<void> {
  await openApp(page, served.url);
  await expect(page.getByTestId('welcome')).toBeVisible();
  await page.getByTestId('welcome-new').click();
  await expect(page.getByTestId('canvas-empty')).toBeVisible();
}

/** A CSV source dropped on the left, with its path set in the inspector. */
async function addWeatherSource(page: import('@playwright/test').Page): Promise<void> {
  await dragToCanvas(page, 'csv', 'read_csv', { x: 140, y: 120 });
  await expect(card(page, 'read_csv_1')).toBeVisible();
  await expect(page.getByTestId('inspector')).toContainText('Read CSV');
  await page.getByTestId('param-input-path').fill('data/seattle-weather.csv');
}

test('build a pipeline from the palette, preview, profile, run, export, import, undo and redo', async ({ page }) => {
  await newPipeline(page);
  await addWeatherSource(page);
  await expect(page.getByTestId('canvas-empty')).toBeHidden();

  // A filter by double-click (it lands in the middle of the view), a derive dropped on the right.
  await (await paletteItem(page, 'filter', 'filter')).dblclick();
  await expect(card(page, 'filter_1')).toBeVisible();
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await dragToCanvas(page, 'derive', 'derive', { x: pane.width - 160, y: 260 });
  await expect(card(page, 'derive_1')).toBeVisible();

  await connect(page, 'read_csv_1', 'filter_1');
  await expect(edges(page)).toHaveCount(1);
  await connect(page, 'filter_1', 'derive_1');
  await expect(edges(page)).toHaveCount(2);

  // The filter's condition and the derive's expression, typed into their SQL editors.
  await select(page, 'filter_1');
  await typeInEditor(page, page.getByTestId('param-input-condition'), 'temp_max > 20');
  await select(page, 'derive_1');
  await page.getByTestId('kv-add').click();
  await page.getByRole('combobox', { name: /name$/ }).fill('temp_range');
  await typeInEditor(page, page.getByTestId('kv-expression'), 'temp_max - temp_min');

  // The data panel: rows with typed column headers, a mini profile in each header, the Profile tab.
  await select(page, 'derive_1');
  const grid = page.getByTestId('data-grid');
  await expect(grid).toBeVisible();
  await expect(grid.getByTestId('grid-header-temp_range')).toContainText('DOUBLE');
  await expect(grid.getByTestId('grid-header-date')).toBeVisible();
  await expect(grid.getByTestId('grid-cell').first()).toBeVisible();
  // 461 of the 1,461 days were warmer than 20 °C (the count is exact once the profile has counted).
  await expect(page.getByTestId('row-count')).toHaveText('461 rows');
  await expect(grid.getByTestId('grid-header-temp_max').locator('.dp-mini:not(.dp-mini-pending)')).toBeVisible();
  await page.getByTestId('profile-tab').click();
  await expect(page.getByTestId('column-profile-temp_range')).toBeVisible();
  await expect(page.getByTestId('column-profile-weather')).toContainText(/distinct/i);
  await page.getByTestId('data-tab').click();

  // Run all: every card ends done (or cached). The source and the filter are computed inside the
  // derive's query (fused, not kept), so only the derive, the pipeline's end, has its row count.
  await page.getByTestId('toolbar-run-all').click();
  for (const id of ['read_csv_1', 'filter_1', 'derive_1']) {
    await expect(status(page, id)).toHaveAttribute('data-status', /^(done|cached)$/, { timeout: 30_000 });
  }
  await expect(status(page, 'read_csv_1')).toContainText('within derive_1');
  await expect(status(page, 'filter_1')).toContainText('within derive_1');
  // derive adds one column to the file's six.
  await expect(status(page, 'derive_1')).toContainText('461 rows × 7 cols');

  // Export: the downloaded YAML runs with `millrace run` (saved next to data/ so its paths resolve).
  const download = page.waitForEvent('download');
  await page.getByTestId('toolbar-export').click();
  const exported = path.join(served.root, 'exported.yaml');
  await (await download).saveAs(exported);
  const cli = runWithCli(exported);
  expect(cli.status, cli.output).toBe(0);

  // Undo removes the last edit (the derive expression), redo puts it back.
  const ids = async () => (await page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')))).sort();
  const before = await ids();
  await select(page, 'derive_1');
  await page.keyboard.press('Delete');
  await expect(card(page, 'derive_1')).toHaveCount(0);
  await expect(edges(page)).toHaveCount(1);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(card(page, 'derive_1')).toBeVisible();
  await expect(edges(page)).toHaveCount(2);
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect(card(page, 'derive_1')).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(card(page, 'derive_1')).toBeVisible();

  // Import the exported file back: a new, unsaved pipeline with the same nodes and connections.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('import-file-input').setInputFiles(exported);
  await expect(page.getByTestId('toast-success')).toContainText('Imported exported.yaml');
  await expect(edges(page)).toHaveCount(2);
  expect(await ids()).toEqual(before);
  await select(page, 'filter_1');
  await expect(page.getByTestId('param-input-condition')).toContainText('temp_max > 20');
});

test('an incompatible connection or a cycle is refused with a reason and adds no edge', async ({ page }) => {
  await newPipeline(page);
  await addWeatherSource(page);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await dragToCanvas(page, 'train', 'train', { x: pane.width / 2 - 40, y: 100 });
  await dragToCanvas(page, 'filter', 'filter', { x: pane.width - 160, y: 120 });
  await expect(card(page, 'train_1')).toBeVisible();
  await expect(card(page, 'filter_1')).toBeVisible();

  // A model is not a table: the filter's input refuses it.
  await connect(page, 'train_1', 'filter_1', 'model', 'in');
  await expect(page.getByTestId('toast-error')).toContainText('takes a table');
  await expect(edges(page)).toHaveCount(0);

  // filter_1 → filter_2 is fine; filter_2 → filter_1 would close a loop.
  await (await paletteItem(page, 'filter', 'filter')).press('Enter');
  await expect(card(page, 'filter_2')).toBeVisible();
  await connect(page, 'filter_1', 'filter_2');
  await expect(edges(page)).toHaveCount(1);
  await page.getByTestId('toast-error').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('toast-error')).toHaveCount(0);
  await connect(page, 'filter_2', 'filter_1');
  await expect(page.getByTestId('toast-error')).toContainText('That would make a cycle: filter_1 → filter_2 → filter_1');
  await expect(edges(page)).toHaveCount(1);

  // A fitting connection still goes through.
  await connect(page, 'read_csv_1', 'filter_1');
  await expect(edges(page)).toHaveCount(2);
});

test('a filter condition naming a missing column shows the error in words', async ({ page }) => {
  await newPipeline(page);
  await addWeatherSource(page);
  await (await paletteItem(page, 'filter', 'filter')).dblclick();
  await connect(page, 'read_csv_1', 'filter_1');
  await select(page, 'filter_1');
  await typeInEditor(page, page.getByTestId('param-input-condition'), 'no_such_column > 1');
  const error = page.getByTestId('data-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText('filter_1 could not be previewed');
  await expect(error).toContainText(/"no_such_column" (not found|does not exist)/);
});

test('a reload with unsaved edits offers them back and runs nothing', async ({ page }) => {
  await newPipeline(page);
  await addWeatherSource(page);
  // A sort, which no other test adds, so what comes back is this test's work.
  await (await paletteItem(page, 'sort', 'sort')).dblclick();
  await connect(page, 'read_csv_1', 'sort_1');
  await expect(edges(page)).toHaveCount(1);
  const runs = await runCount(page);
  // Reload at once, within the autosave's debounce: the page sends its last edits as it goes.
  await page.reload();
  await expect(page.getByTestId('welcome-restore-untitled')).toBeVisible();
  expect(await runCount(page)).toBe(runs);
  await page.getByTestId('welcome-restore-untitled').click();
  await expect(card(page, 'read_csv_1')).toBeVisible();
  await expect(card(page, 'sort_1')).toBeVisible();
  await expect(edges(page)).toHaveCount(1);
  await expect(status(page, 'sort_1')).toHaveAttribute('data-status', 'idle');
  expect(await runCount(page)).toBe(runs);
});
