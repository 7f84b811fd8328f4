/**
 * The `test` every spec uses: the same as Playwright's, plus a `guard` that watches every page of
 * the test. After each test it asserts that no request left this machine (only 127.0.0.1 or
 * localhost; data: and blob: URLs are local) and that the console logged no error, except lines a
 * test says it expects (a preview that fails on purpose answers 4xx, which Chromium logs).
 */
import { expect, test as base } from '@playwright/test';

export interface Guard {
  /** Console errors matching this are expected in this test. */
  allowConsoleError(pattern: RegExp): void;
  /** The checks run after every test; call it early to know before writing an artefact. */
  assertClean(): void;
}

/**
 * What Chromium logs when the engine refuses a preview, profile or schema with 422: expected while
 * a node is incomplete (just dropped, params not set yet) or wrong on purpose; the panel says why.
 */
export const PREVIEW_REFUSED = /Failed to load resource: the server responded with a status of 422 .*\/api\/(preview|profile|schema)$/;

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

export function leavesMachine(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return false;
  return !LOCAL_HOSTS.has(parsed.hostname);
}

export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ context }, use) => {
      const requests: string[] = [];
      const consoleErrors: string[] = [];
      const allowed: RegExp[] = [];
      context.on('request', (request) => requests.push(request.url()));
      let pages = 0;
      const watch = (page: import('@playwright/test').Page) => {
        pages += 1;
        page.on('console', (message) => {
          // A failed fetch logs no URL in its text; its location has it.
          if (message.type() === 'error') consoleErrors.push(`${message.text()} ${message.location().url}`.trim());
        });
        page.on('pageerror', (error) => consoleErrors.push(`Uncaught: ${error.message}`));
        // WebSockets are no 'request' events: watch them too.
        page.on('websocket', (socket) => requests.push(socket.url()));
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      const assertClean = () => {
        // A watcher that saw nothing would pass anything: a test with a page must have seen its requests.
        if (pages > 0) expect(requests.length, 'the test made requests').toBeGreaterThan(0);
        expect(requests.filter(leavesMachine), 'requests that left 127.0.0.1').toEqual([]);
        expect(consoleErrors.filter((line) => !allowed.some((p) => p.test(line))), 'console errors').toEqual([]);
      };
      await use({ allowConsoleError: (pattern) => allowed.push(pattern), assertClean });
      assertClean();
    },
    { auto: true },
  ],
});

export { expect };
