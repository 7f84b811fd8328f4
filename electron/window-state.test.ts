import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from './test-support/temp-dir.js';
import { DEFAULT_SIZE } from './window-options.js';
import { readWindowState, restoreWindow, writeWindowState, type DisplayArea, type WindowState } from './window-state.js';

const laptop: DisplayArea = { workArea: { x: 0, y: 25, width: 1440, height: 875 } };
// A second monitor to the right of the laptop.
const monitor: DisplayArea = { workArea: { x: 1440, y: 0, width: 2560, height: 1440 } };

describe('window state file', () => {
  const tempDir = useTempDir();

  it('round-trips size, position and maximised', () => {
    const file = path.join(tempDir(), 'nested', 'window-state.json');
    const state: WindowState = { x: 100, y: 80, width: 1200, height: 800, maximized: true };
    writeWindowState(file, state);
    expect(readWindowState(file)).toEqual(state);
  });

  it('is undefined when there is no file yet', () => {
    expect(readWindowState(path.join(tempDir(), 'window-state.json'))).toBeUndefined();
  });

  it('tolerates a corrupt file: half-written JSON, wrong shapes, absurd numbers', () => {
    const file = path.join(tempDir(), 'window-state.json');
    for (const text of ['{"x": 10, "y":', 'null', '[]', '{"x":"10","y":0,"width":800,"height":600,"maximized":false}', '{"x":0,"y":0,"width":5,"height":600,"maximized":false}', '{"x":1e12,"y":0,"width":800,"height":600,"maximized":false}']) {
      writeFileSync(file, text);
      expect(readWindowState(file), text).toBeUndefined();
    }
  });

  it('writes complete JSON (through a temporary file, nothing left beside it)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'window-state.json');
    writeWindowState(file, { x: 1, y: 2, width: 800, height: 600, maximized: false });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ width: 800 });
    expect(readdirSync(dir)).toEqual(['window-state.json']);
  });
});

describe('restoreWindow', () => {
  it('restores a position that is still on a display', () => {
    const state = { x: 1600, y: 100, width: 1200, height: 900, maximized: false };
    expect(restoreWindow(state, [laptop, monitor])).toEqual({ bounds: { x: 1600, y: 100, width: 1200, height: 900 }, maximized: false });
  });

  it('keeps only the size (centred) when the monitor it was on is gone', () => {
    const state = { x: 1600, y: 100, width: 1200, height: 800, maximized: true };
    expect(restoreWindow(state, [laptop])).toEqual({ bounds: { width: 1200, height: 800 }, maximized: true });
  });

  it('does not count a window whose title bar is off-screen (only its bottom edge shows)', () => {
    const state = { x: 100, y: -780, width: 1000, height: 800, maximized: false };
    expect(restoreWindow(state, [laptop]).bounds).toEqual({ width: 1000, height: 800 });
  });

  it('counts a window that hangs partly off the edge, as long as enough of its title bar shows', () => {
    const state = { x: -900, y: 100, width: 1000, height: 700, maximized: false };
    expect(restoreWindow(state, [laptop]).bounds).toEqual({ x: -900, y: 100, width: 1000, height: 700 });
    const hidden = { x: -950, y: 100, width: 1000, height: 700, maximized: false };
    expect(restoreWindow(hidden, [laptop]).bounds).toEqual({ width: 1000, height: 700 });
  });

  it('shrinks a window that came from a bigger monitor to fit the display', () => {
    const state = { x: 0, y: 25, width: 2400, height: 1400, maximized: false };
    expect(restoreWindow(state, [laptop]).bounds).toEqual({ x: 0, y: 25, width: 1440, height: 875 });
  });

  it('with nothing remembered: the default size, fitted to the primary display', () => {
    expect(restoreWindow(undefined, [monitor])).toEqual({ bounds: { ...DEFAULT_SIZE }, maximized: false });
    const small: DisplayArea = { workArea: { x: 0, y: 0, width: 1024, height: 700 } };
    expect(restoreWindow(undefined, [small])).toEqual({ bounds: { width: 1024, height: 700 }, maximized: false });
  });

  it('with no displays reported: Electron decides', () => {
    expect(restoreWindow({ x: 0, y: 0, width: 800, height: 600, maximized: false }, [])).toEqual({ maximized: false });
  });
});
