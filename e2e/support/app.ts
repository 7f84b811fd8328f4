/** What a user does in the Millrace window, as small steps the specs share. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import { repoRoot } from './serve';

export const card = (page: Page, id: string): Locator => page.getByTestId(`node-card-${id}`);
export const status = (page: Page, id: string): Locator => card(page, id).getByTestId('node-status');

/** Opens the URL `millrace serve` printed and waits for the first screen (welcome or a pipeline). */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('toolbar')).toBeVisible();
}

/** The palette item for `type`, after searching for `query`. */
export async function paletteItem(page: Page, query: string, type: string): Promise<Locator> {
  await page.getByTestId('palette-search').fill(query);
  const item = page.getByTestId(`palette-item-${type}`);
  await expect(item).toBeVisible();
  return item;
}

/** Drops a palette item on the canvas at (x, y) from the pane's top-left corner. */
export async function dragToCanvas(page: Page, query: string, type: string, at: { x: number; y: number }): Promise<void> {
  const item = await paletteItem(page, query, type);
  await item.dragTo(page.locator('.react-flow__pane'), { targetPosition: at });
}

/** Drags from an output handle of one card to an input handle of another, as a user connects them. */
export async function connect(page: Page, from: string, to: string, fromPort = 'out', toPort = 'in'): Promise<void> {
  const source = card(page, from).locator(`.react-flow__handle.source[data-handleid="${fromPort}"]`);
  const target = card(page, to).locator(`.react-flow__handle.target[data-handleid="${toPort}"]`);
  // A card's messages come from the engine's check of the document and change its height, which
  // moves its handles: aim once the cards show the check of what is on the canvas now.
  await expect(page.getByTestId('canvas')).toHaveAttribute('data-checked', 'true');
  await source.dragTo(target);
}

/** The connections drawn on the canvas. */
export const edges = (page: Page): Locator => page.locator('.react-flow__edge');

/** Replaces the text of the Monaco editor inside `host` by typing, as a user would. */
export async function typeInEditor(page: Page, host: Locator, text: string): Promise<void> {
  const editor = host.locator('.monaco-editor');
  await expect(editor).toBeVisible();
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  await expect(editor.locator('.view-lines')).toHaveText(text.replaceAll(' ', '\u00a0'));
}

/** Clicks a card's title, which selects it (and only it). */
export async function select(page: Page, id: string): Promise<void> {
  await card(page, id).locator('.card-head').click();
  await expect(card(page, id)).toHaveClass(/\bselected\b/);
}

/** `millrace run <file>` as a user would run an exported pipeline. */
export function runWithCli(file: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin/millrace.js'), 'run', file], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** The runs the engine knows, read through the page's own session (same origin, token cookie). */
export async function runCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const response = await fetch('/api/runs', { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`GET /api/runs answered ${response.status}`);
    const body = (await response.json()) as { runs: unknown[] };
    return body.runs.length;
  });
}

/** Pans the canvas (dragging an empty spot near its top edge) until a card sits in the middle. */
export async function centreOn(page: Page, id: string): Promise<void> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const box = (await card(page, id).boundingBox())!;
  const start = { x: pane.x + pane.width / 2, y: pane.y + 24 };
  const dx = pane.x + pane.width / 2 - (box.x + box.width / 2);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + dx, start.y, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => Math.abs(((await card(page, id).boundingBox())!.x + box.width / 2) - (pane.x + pane.width / 2))).toBeLessThan(8);
}
