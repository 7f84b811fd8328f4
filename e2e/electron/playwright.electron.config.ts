/**
 * The desktop e2e suite: the built app in a real Electron, driven through Playwright's `_electron`.
 * It needs an Electron binary (scripts/electron-binary.js finds it); scripts/run-tests.js runs it only when one
 * exists and otherwise counts it as skipped, loudly. The Chromium suite (../playwright.config.ts)
 * ignores this folder.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '../../test-results/playwright-electron.json' }]],
  outputDir: '../../test-results/playwright-electron',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
