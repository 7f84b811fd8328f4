/**
 * The Millrace canvas in a Chromium page, for the benchmark: open a pipeline and time its first
 * render, wait until the page is quiet, find where to grab the pane or a card.
 */
import type { CDPSession, Page } from '@playwright/test';
import type { Point } from './gesture-probe.js';

/**
 * Opens `file` and resolves with the time to first render: from navigation start (the page's
 * time origin) to the first animation frame in which React Flow knows the size of all
 * `nodeCount` nodes (the minimap draws a node only once it is measured) and every card it has
 * mounted is shown (it keeps a card `visibility: hidden` until measured). With
 * onlyRenderVisibleElements the mounted cards are only those in view; without it, all of them.
 */
export async function openAndTimeFirstRender(page: Page, url: string, file: string, nodeCount: number, timeoutMs: number): Promise<number> {
  const target = new URL(url);
  target.searchParams.set('file', file);
  await page.goto(target.toString(), { waitUntil: 'commit' });
  // Polled in the page on every animation frame (waitForFunction would eval, which the app's CSP forbids).
  const ready = `new Promise((resolve) => {
    const check = () => {
      const nodes = document.querySelectorAll('.react-flow__node');
      let shown = nodes.length > 0 && document.querySelectorAll('.react-flow__minimap-node').length === ${nodeCount};
      if (shown) for (const n of nodes) if (n.style.visibility === 'hidden') { shown = false; break; }
      if (shown) resolve(performance.now()); else requestAnimationFrame(check);
    };
    check();
  })`;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${file}: the ${nodeCount} cards were not all drawn within ${timeoutMs} ms.`)), timeoutMs);
  });
  try {
    return (await Promise.race([page.evaluate(ready), timeout])) as number;
  } finally {
    clearTimeout(timer);
  }
}

/** Tracks the page's API requests, so `settle` can wait for validation to come back. */
export function trackRequests(page: Page): () => number {
  let open = 0;
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
  page.on('request', (r) => {
    if (isApi(r.url())) open += 1;
  });
  const done = (r: { url(): string }) => {
    if (isApi(r.url())) open -= 1;
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return () => open;
}

/**
 * Waits until no API request is open and the main thread was under 10% busy for two 250 ms
 * windows in a row (validation answered and applied, debounced work done). Returns the wait in ms.
 */
export async function settle(page: Page, cdp: CDPSession, openRequests: () => number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  const busy = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  };
  let quiet = 0;
  let before = await busy();
  while (Date.now() - started < timeoutMs) {
    await page.waitForTimeout(250);
    const now = await busy();
    quiet = openRequests() === 0 && now - before < 25 ? quiet + 1 : 0;
    before = now;
    if (quiet >= 2) return Date.now() - started;
  }
  throw new Error(`The page did not settle within ${timeoutMs} ms (${openRequests()} API requests open).`);
}

/**
 * A point on the empty pane (not a card, edge, control or the minimap) near the middle of the
 * canvas, from which dragging pans.
 */
export async function emptyPanePoint(page: Page): Promise<Point> {
  const found = await page.evaluate(`(() => {
    const pane = document.querySelector('.react-flow__pane');
    if (!pane) return null;
    const r = pane.getBoundingClientRect();
    for (let fy = 0.5; fy > 0.05; fy -= 0.03) for (let fx = 0.5; fx > 0.05; fx -= 0.02) {
      for (const [x, y] of [[r.left + r.width * fx, r.top + r.height * fy], [r.right - r.width * fx, r.top + r.height * fy]]) {
        if (document.elementFromPoint(x, y) === pane) return { x, y };
      }
    }
    return null;
  })()`);
  if (!found) throw new Error('Found no empty spot on the canvas to pan from.');
  return found as Point;
}

/** The middle of a card's title bar, where dragging moves the card. */
export async function cardGrip(page: Page, nodeId: string): Promise<Point> {
  const box = await page.getByTestId(`node-card-${nodeId}`).locator('.card-head').boundingBox();
  if (!box) throw new Error(`Card "${nodeId}" is not on screen.`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** The number of node cards with an error badge: the bench pipelines must all validate. */
export async function cardsWithErrors(page: Page): Promise<number> {
  return page.locator('.react-flow__node .card.has-error').count();
}
