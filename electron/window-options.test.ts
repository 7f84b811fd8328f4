import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, windowOptions } from './window-options.js';

describe('windowOptions', () => {
  const options = windowOptions({ preload: '/app/dist/electron/preload.cjs', devTools: false });
  const web = options.webPreferences ?? {};

  it('isolates the page: context isolation and the sandbox on, no Node anywhere', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on, no insecure content, no <webview>, no experimental features', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it('loads the given preload, spellcheck off, developer tools only when asked', () => {
    expect(web.preload).toBe('/app/dist/electron/preload.cjs');
    expect(web.spellcheck).toBe(false);
    expect(web.devTools).toBe(false);
    expect(windowOptions({ preload: '/p.cjs', devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('uses remembered bounds, else the default size; hidden until the UI has painted', () => {
    expect(options).toMatchObject({ width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height, show: false });
    expect(options.x).toBeUndefined();
    const remembered = windowOptions({ preload: '/p.cjs', devTools: false, bounds: { x: 40, y: 50, width: 1000, height: 700 } });
    expect(remembered).toMatchObject({ x: 40, y: 50, width: 1000, height: 700 });
  });

  it('takes only position and size from the bounds passed in', () => {
    const sneaky = { width: 900, height: 600, show: true, webPreferences: { nodeIntegration: true } } as unknown as { width: number; height: number };
    const result = windowOptions({ preload: '/p.cjs', devTools: false, bounds: sneaky });
    expect(result.webPreferences?.nodeIntegration).toBe(false);
    expect(result.show).toBe(false);
    expect(result).toMatchObject({ width: 900, height: 600 });
  });
});
