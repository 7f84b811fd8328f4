/**
 * Case 7 of `npm run bench`: the canvas with a big pipeline (1000 nodes; 200 with --quick) against
 * a 20-node one, in Chromium against the real server: time to first render, and the work per
 * frame while panning and while dragging a card. Sizes are interleaved, after one warm-up load.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from '@playwright/test';
import { chromiumExecutable, CHROMIUM_ARGS } from '../../e2e/support/chromium.js';
import { startServer } from '../../engine/server/start-server.js';
import { measurement, type BenchCaseResult } from '../bench-types.js';
import { dragNodeId, writeBenchProject } from './bench-pipeline.js';
import { cardGrip, cardsWithErrors, emptyPanePoint, openAndTimeFirstRender, settle, trackRequests } from './canvas-page.js';
import { enableMetrics, installProbe, measureGesture, probeOverhead, straightPath } from './gesture-probe.js';
import { describeGesture, frameCase, type SizeRun } from './canvas-cases.js';

export interface CanvasBenchOptions {
  quick: boolean;
  /** The big pipeline's node count (default 1000; 200 when quick). */
  nodes?: number;
  /** The built UI to serve (default: dist/renderer), e.g. an experimental build to compare. */
  staticDir?: string;
  /** Write a screenshot of the big canvas, once opened, to this path. */
  screenshot?: string;
  log?: (line: string) => void;
}

const SMALL = 20;
const VIEWPORT = { width: 1440, height: 900 };

function findRepoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'millrace') return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('Cannot find the Millrace repository above the bench code.');
    dir = up;
  }
}

interface Plan {
  url: string;
  files: Map<number, string>;
  steps: number;
  timeoutMs: number;
  screenshot?: string;
}

/** Opens the pipeline once, only to warm the HTTP cache, V8's code cache and the engine. */
async function warmUp(context: BrowserContext, plan: Plan, size: number): Promise<void> {
  const page = await context.newPage();
  try {
    await openAndTimeFirstRender(page, plan.url, plan.files.get(size)!, size, plan.timeoutMs);
  } finally {
    await page.close();
  }
}

/** One page: open the pipeline, pan, then select a card and drag it. */
async function measureSize(context: BrowserContext, plan: Plan, size: number, screenshot: boolean): Promise<SizeRun> {
  const page = await context.newPage();
  try {
    const openRequests = trackRequests(page);
    const cdp = await enableMetrics(page);
    const firstRenderMs = await openAndTimeFirstRender(page, plan.url, plan.files.get(size)!, size, plan.timeoutMs);
    const settleMs = await settle(page, cdp, openRequests, plan.timeoutMs);
    const mountedCards = await page.locator('.react-flow__node').count();
    const errors = await cardsWithErrors(page);
    if (errors > 0) throw new Error(`${errors} cards of the ${size}-node bench pipeline show errors: the generator is wrong.`);
    if (screenshot && plan.screenshot) await page.screenshot({ path: plan.screenshot });
    // Selected first, so the drag measures moving, not the inspector and preview a selection opens.
    const grip = await cardGrip(page, dragNodeId(size));
    await page.mouse.click(grip.x, grip.y);
    await settle(page, cdp, openRequests, plan.timeoutMs);
    await installProbe(page);
    const overheadMs = await probeOverhead(page, cdp, Math.ceil(plan.steps / 2));

    // Panning right and down keeps the selected card (top left) on screen.
    const paneAt = await emptyPanePoint(page);
    const pan = await measureGesture(page, cdp, paneAt, straightPath(paneAt, 6 * plan.steps, 2 * plan.steps, plan.steps));
    await settle(page, cdp, openRequests, plan.timeoutMs);
    const from = await cardGrip(page, dragNodeId(size));
    const drag = await measureGesture(page, cdp, from, straightPath(from, 5 * plan.steps, 3 * plan.steps, plan.steps));
    return { size, firstRenderMs, settleMs, mountedCards, overheadMs, pan, drag };
  } finally {
    await page.close();
  }
}

export async function runCanvasBench(options: CanvasBenchOptions): Promise<BenchCaseResult[]> {
  const log = options.log ?? (() => {});
  const big = options.nodes ?? (options.quick ? 200 : 1000);
  const repetitions = options.quick ? 1 : 3;
  const repoRoot = findRepoRoot();
  const staticDir = path.resolve(options.staticDir ?? path.join(repoRoot, 'dist', 'renderer'));
  if (!existsSync(path.join(staticDir, 'index.html'))) throw new Error(`${staticDir} has no built UI: run \`npm run build\` first.`);

  const root = mkdtempSync(path.join(os.tmpdir(), 'millrace-canvas-bench-'));
  const files = writeBenchProject(root, [SMALL, big], repoRoot);
  const runs: SizeRun[] = [];
  const server = await startServer({ root, staticDir }).catch((error: unknown) => {
    rmSync(root, { recursive: true, force: true });
    throw error;
  });
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS }).catch(async (error: unknown) => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
    throw error;
  });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const plan: Plan = { url: server.url, files, steps: options.quick ? 12 : 40, timeoutMs: options.quick ? 20_000 : 120_000, ...(options.screenshot ? { screenshot: options.screenshot } : {}) };
    await warmUp(context, plan, SMALL);
    for (let rep = 0; rep < repetitions; rep++) {
      for (const size of [SMALL, big]) {
        const run = await measureSize(context, plan, size, size === big && rep === 0);
        log(`canvas ${size} nodes: first render ${run.firstRenderMs.toFixed(0)} ms; pan ${describeGesture(run.pan, run.overheadMs)}; drag ${describeGesture(run.drag, run.overheadMs)}`);
        runs.push(run);
      }
    }
    await context.close();
  } finally {
    await browser.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }

  const of = (size: number) => runs.filter((r) => r.size === size);
  const [small, large] = [of(SMALL), of(big)];
  const firstRender: BenchCaseResult = {
    id: 'canvas-first-render',
    title: `Canvas: open a ${big}-node pipeline until every card is drawn, vs ${SMALL} nodes`,
    ours: measurement(`${big} nodes`, 'ms', large.map((r) => r.firstRenderMs)),
    reference: measurement(`${SMALL} nodes`, 'ms', small.map((r) => r.firstRenderMs)),
    ratio: median(large.map((r) => r.firstRenderMs)) / median(small.map((r) => r.firstRenderMs)),
    target: 'informative',
    note: `From navigation start to the first frame in which all nodes are measured (the minimap shows them all) and every mounted card is drawn. ${mountedNote(large, big)} Validation then settles after a further ${median(large.map((r) => r.settleMs)).toFixed(0)} ms (${big}) / ${median(small.map((r) => r.settleMs)).toFixed(0)} ms (${SMALL}). Headless Chromium, ${CHROMIUM_ARGS.join(' ')}, window ${VIEWPORT.width}×${VIEWPORT.height}.`,
  };
  return [
    firstRender,
    frameCase('canvas-pan', `Canvas: pan a ${big}-node pipeline by dragging the pane, work per frame vs ${SMALL} nodes`, big, SMALL, large, small, (r) => r.pan),
    frameCase('canvas-drag', `Canvas: drag a card of a ${big}-node pipeline, work per frame vs ${SMALL} nodes`, big, SMALL, large, small, (r) => r.drag, 'The card is selected before the drag. Where a move takes over 250 ms, the UI\'s debounced validation runs during the drag, as it would for a user.'),
  ];
}

/** Whether React Flow keeps every card in the DOM (onlyRenderVisibleElements off) or only those in view. */
function mountedNote(runs: readonly SizeRun[], size: number): string {
  const mounted = Math.max(...runs.map((r) => r.mountedCards));
  return mounted === size
    ? `All ${size} cards stay mounted (React Flow's onlyRenderVisibleElements is off).`
    : `${mounted} of ${size} cards mounted once opened (only those in view).`;
}

function median(values: number[]): number {
  return measurement('', '', values).median;
}
