/**
 * The main window's constructor options. The web preferences are the security boundary between
 * the UI and the machine: the page gets no Node, runs sandboxed in an isolated world, and sees
 * only what the preload exposes (window.millraceDesktop).
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/** Position (absent: centred) and size. */
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface WindowOptionsInput {
  /** Absolute path of dist/electron/preload.cjs. */
  preload: string;
  /** Remembered bounds (no position: centred); undefined: the default size, centred. */
  bounds?: WindowBounds;
  /** Developer tools (View > Toggle Developer Tools) only when running unpackaged. */
  devTools: boolean;
}

export const DEFAULT_SIZE = { width: 1400, height: 900 } as const;
export const MIN_SIZE = { width: 800, height: 560 } as const;

export function windowOptions({ preload, bounds, devTools }: WindowOptionsInput): BrowserWindowConstructorOptions {
  // Only the four numbers are taken from the remembered bounds: nothing else can ride in with them.
  const { x, y, width, height }: WindowBounds = bounds ?? DEFAULT_SIZE;
  return {
    ...(x === undefined || y === undefined ? {} : { x, y }),
    width,
    height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Millrace',
    // Shown once the UI has painted, on the UI's own background (--bg in renderer/src/theme.css): no white flash.
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // Dropping a file on the window must not navigate away from the UI.
      navigateOnDragDrop: false,
      // Column names and SQL are not prose; and the spellchecker would download dictionaries.
      spellcheck: false,
      // A page stuck in alert() loops can be stopped.
      safeDialogs: true,
      devTools,
    },
  };
}
