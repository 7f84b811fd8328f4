/**
 * The window's size, position and maximised state, remembered between launches in a JSON file
 * in the user data folder. A position is restored only while it is still on a display (a monitor
 * unplugged since would leave the window off-screen); a broken file is ignored.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Rectangle } from 'electron';
import { z } from 'zod';
import { DEFAULT_SIZE, type WindowBounds } from './window-options.js';

const pixels = z.number().int().min(-100_000).max(100_000);
const size = z.number().int().min(100).max(100_000);

const windowStateSchema = z.object({ x: pixels, y: pixels, width: size, height: size, maximized: z.boolean() });

export type WindowState = z.infer<typeof windowStateSchema>;

/** What is needed of Electron's Display: the part of the screen windows may use. */
export interface DisplayArea {
  workArea: Rectangle;
}

/** A window counts as on-screen when this much of its top strip (where the title bar is) shows. */
const MIN_VISIBLE = { width: 100, height: 30 } as const;

export const WINDOW_STATE_FILE = 'window-state.json';

/** The remembered state, or undefined when there is none or the file is unreadable or malformed. */
export function readWindowState(file: string): WindowState | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // not JSON: written half by a crash, or edited by hand
  }
}

/** Written to a temporary file first, so a crash mid-write never leaves a broken file. */
export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temporary, file);
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

export interface RestoredWindow {
  /** Position and size; only the size (centred) when the old position is off every display. */
  bounds?: WindowBounds;
  maximized: boolean;
}

/**
 * Where to put the window given what was remembered and the displays there are now (the primary
 * display first). Nothing remembered: the default size, made to fit the primary display.
 */
export function restoreWindow(state: WindowState | undefined, displays: readonly DisplayArea[]): RestoredWindow {
  const primary = displays[0];
  if (primary === undefined) return { maximized: false };
  if (state === undefined) {
    const width = Math.min(DEFAULT_SIZE.width, primary.workArea.width);
    const height = Math.min(DEFAULT_SIZE.height, primary.workArea.height);
    return { bounds: { width, height }, maximized: false };
  }
  const titleStrip = { x: state.x, y: state.y, width: state.width, height: MIN_VISIBLE.height };
  const home = displays.find((display) => {
    const shown = overlap(titleStrip, display.workArea);
    return shown.width >= MIN_VISIBLE.width && shown.height >= MIN_VISIBLE.height;
  });
  // Never larger than the display it lands on (it may come from a bigger monitor).
  const area = (home ?? primary).workArea;
  const width = Math.min(state.width, area.width);
  const height = Math.min(state.height, area.height);
  if (home === undefined) return { bounds: { width, height }, maximized: state.maximized };
  return { bounds: { x: state.x, y: state.y, width, height }, maximized: state.maximized };
}
