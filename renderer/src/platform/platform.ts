/**
 * The one object through which the UI reaches what differs between the desktop app and the browser:
 * file dialogs, exports, the window title and close prompt, external links and menu commands.
 * Components call it and never ask which platform they run on.
 */
import type { MouseEvent } from 'react';
import type { DesktopBridge, DesktopCommand } from '../../../engine/contract/desktop-bridge';
import type { Commands } from '../app/commands';
import type { MillraceStore } from '../store/create-store';
import { createBrowserPlatform } from './browser-platform';
import { createDesktopPlatform } from './desktop-platform';

declare global {
  interface Window {
    /** Set by the Electron preload (electron/preload.cts); absent in a browser. */
    millraceDesktop?: DesktopBridge;
  }
}

/** What a platform needs from the app. */
export interface PlatformHost {
  store: MillraceStore;
  commands: Commands;
}

/** Props for an `<a>` that leaves the app. */
export interface ExternalLinkProps {
  href: string;
  target: '_blank';
  rel: 'noopener noreferrer';
  onClick?: (event: Pick<MouseEvent, 'preventDefault'>) => void;
}

export interface Platform {
  readonly kind: 'desktop' | 'browser';
  /** The export button's tooltip: what exporting does here. */
  readonly exportWhat: string;
  /** File ▸ Open: a native dialog, or the list of pipelines in the served folder. */
  open(): void;
  /** File ▸ Save: to the pipeline's file, or asks where (as Save As) when it has none. */
  save(): Promise<void>;
  /** File ▸ Save As: a native dialog, or a path in the served folder. */
  saveAs(): Promise<void>;
  /** File ▸ Export YAML: a native dialog, or a download. */
  exportYaml(): Promise<void>;
  externalLink(url: string): ExternalLinkProps;
  /** Keeps the window title (and the leave/close prompt) in step with the open pipeline; returns the stop function. */
  trackDocument(): () => void;
  /** Menu commands from the desktop (none in a browser); returns the unsubscribe function. */
  onCommand(listener: (command: DesktopCommand) => void): () => void;
}

/** The desktop when the Electron preload gave us its bridge, else the browser. */
export function createPlatform(host: PlatformHost, bridge: DesktopBridge | undefined = globalThis.window?.millraceDesktop): Platform {
  return bridge ? createDesktopPlatform(bridge, host) : createBrowserPlatform(host);
}
