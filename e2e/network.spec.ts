/**
 * Nothing leaves 127.0.0.1. Every test's guard (support/fixtures.ts) already fails on any request
 * to another host; these tests check that the guard can tell, and that the page itself refuses to
 * reach another host even if some code tried (its Content-Security-Policy).
 */
import { openApp } from './support/app';
import { expect, leavesMachine, test } from './support/fixtures';
import { serveExamples, type ServedProject } from './support/serve';

let served: ServedProject;
test.beforeAll(async () => {
  served = await serveExamples();
});
test.afterAll(async () => {
  await served?.stop();
});

test('the guard tells local addresses from those that leave the machine', () => {
  expect(leavesMachine('http://127.0.0.1:5180/api/preview')).toBe(false);
  expect(leavesMachine('ws://localhost:5180/api/events')).toBe(false);
  expect(leavesMachine('data:image/png;base64,AAAA')).toBe(false);
  expect(leavesMachine('blob:http://127.0.0.1:5180/0b6c1c1e-1a2b-4c3d-8e9f-000000000000')).toBe(false);
  expect(leavesMachine('https://cdn.jsdelivr.net/npm/monaco-editor/min/vs/loader.js')).toBe(true);
  expect(leavesMachine('http://127.0.0.2/')).toBe(true);
  expect(leavesMachine('https://fonts.googleapis.com/css')).toBe(true);
});

test('the page cannot reach another host: its CSP blocks the request before it is made', async ({ page, guard }) => {
  guard.allowConsoleError(/Content Security Policy/);
  const answer = await page.goto(served.url);
  expect(answer?.headers()['content-security-policy']).toContain("default-src 'self'");
  await openApp(page, served.url);
  const outcome = await page.evaluate(() =>
    fetch('http://example.com/').then(
      () => 'reached',
      () => 'blocked',
    ),
  );
  expect(outcome).toBe('blocked');
  // The guard's own check (after the test) confirms that no request to example.com was even made.
});
