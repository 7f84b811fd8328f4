/**
 * Measures a mouse gesture (press, many small moves, release) in Chromium, one move per frame.
 *
 * Per move it records:
 *  - busy: main-thread CPU time (CDP Performance.getMetrics TaskDuration delta) from before the
 *    move until the frame that shows it has been rendered (a rAF, then a task after it). It is
 *    the work the move caused, not capped below by vsync; it includes a constant probe overhead
 *    (the CDP calls), measured separately by `probeOverhead` at the same canvas size.
 *  - latency: from the pointer event's timestamp to the end of the frame that follows it (in-page clock).
 *  - frame: the longest interval between animation frames while the move was handled, i.e. the
 *    frame time a user sees for that move (16.7 ms at best: headless Chromium paces rAF at 60 Hz).
 * And over the whole gesture, the busy time split by kind (script, style, layout), and the
 * renderer process's CPU time on all its threads (software raster included).
 *
 * Page code is passed as strings: the bench compiles without the DOM library.
 */
import type { CDPSession, Page } from '@playwright/test';

export interface Point {
  x: number;
  y: number;
}

export interface GestureSample {
  busyMs: number[];
  latencyMs: number[];
  frameMs: number[];
  /** Busy time of the whole gesture by kind, in ms: TaskDuration, ScriptDuration, RecalcStyleDuration, LayoutDuration, ProcessTime. */
  breakdown: Record<string, number>;
}

/** ProcessTime: the renderer process's CPU time, all threads (raster and compositor too), in 10 ms ticks. */
const BREAKDOWN = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'ProcessTime'] as const;

const INSTALL = `(() => {
  if (window.__bench) return;
  const bench = { frames: [], mark: 0, latency: [], recording: false };
  window.__bench = bench;
  const loop = (t) => { if (bench.recording) bench.frames.push(t); requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
  // Input is dispatched at the start of a frame: a task queued from this frame's rAF runs once it is painted.
  window.addEventListener('pointermove', (e) => {
    if (!bench.recording) return;
    const at = e.timeStamp;
    requestAnimationFrame(() => setTimeout(() => bench.latency.push(performance.now() - at), 0));
  }, { capture: true, passive: true });
})()`;

/** Resolves after the next frame has been rendered: a task queued from a rAF runs after paint. */
const AFTER_FRAME = `new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))`;

/** AFTER_FRAME, resolving with the longest frame interval since the previous step. */
const STEP_DONE = `new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => {
  const b = window.__bench;
  let longest = 0;
  for (let i = Math.max(1, b.mark); i < b.frames.length; i++) longest = Math.max(longest, b.frames[i] - b.frames[i - 1]);
  b.mark = b.frames.length;
  resolve(longest);
}, 0)))`;

export async function installProbe(page: Page): Promise<void> {
  await page.evaluate(INSTALL);
}

async function metrics(cdp: CDPSession): Promise<Map<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return new Map(list.map((m) => [m.name, m.value]));
}

const taskMs = (m: Map<string, number>): number => (m.get('TaskDuration') ?? 0) * 1000;

async function startRecording(page: Page): Promise<void> {
  await page.evaluate('window.__bench.frames = [], window.__bench.mark = 0, window.__bench.latency = [], window.__bench.recording = true');
}

/** Stops recording once the last move's frame is painted; the input latencies. */
async function stopRecording(page: Page): Promise<number[]> {
  await page.evaluate(AFTER_FRAME);
  return (await page.evaluate('(window.__bench.recording = false, window.__bench.latency)')) as number[];
}

/** Presses at `from`, moves through `path` one point per frame, releases; measures each move. */
export async function measureGesture(page: Page, cdp: CDPSession, from: Point, path: readonly Point[]): Promise<GestureSample> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.evaluate(AFTER_FRAME);
  const busyMs: number[] = [];
  const frameMs: number[] = [];
  await startRecording(page);
  const start = await metrics(cdp);
  let before = taskMs(start);
  for (const point of path) {
    await page.mouse.move(point.x, point.y);
    frameMs.push((await page.evaluate(STEP_DONE)) as number);
    const after = taskMs(await metrics(cdp));
    busyMs.push(after - before);
    before = after;
  }
  const end = await metrics(cdp);
  const latencyMs = await stopRecording(page);
  await page.mouse.up();
  const breakdown: Record<string, number> = {};
  for (const name of BREAKDOWN) breakdown[name] = ((end.get(name) ?? 0) - (start.get(name) ?? 0)) * 1000;
  return { busyMs, latencyMs, frameMs, breakdown };
}

/** The busy time the probe itself adds per step: the same loop with no mouse move. */
export async function probeOverhead(page: Page, cdp: CDPSession, steps: number): Promise<number[]> {
  const busy: number[] = [];
  let before = taskMs(await metrics(cdp));
  for (let i = 0; i < steps; i++) {
    await page.evaluate(STEP_DONE);
    const after = taskMs(await metrics(cdp));
    busy.push(after - before);
    before = after;
  }
  return busy;
}

/** `count` points from `from` along (dx, dy), evenly spaced, the last at from + (dx, dy). */
export function straightPath(from: Point, dx: number, dy: number, count: number): Point[] {
  return Array.from({ length: count }, (_, i) => ({ x: from.x + (dx * (i + 1)) / count, y: from.y + (dy * (i + 1)) / count }));
}

export async function enableMetrics(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return cdp;
}
