/**
 * The window title and the unsaved-changes prompt, from the DocumentState the UI reports:
 * `● name — file — Millrace` (● while there are unsaved changes; macOS also marks the close button).
 */
import path from 'node:path';
import type { DocumentState } from '../engine/contract/desktop-bridge.js';

export const APP_NAME = 'Millrace';

/** The file's name as shown (the UI reports paths with / separators, relative to the served folder). */
export function fileLabel(state: DocumentState): string | undefined {
  return state.path === undefined ? undefined : path.posix.basename(state.path.replaceAll('\\', '/'));
}

/** What the user calls the pipeline: its name, else its file, else Untitled. */
export function documentLabel(state: DocumentState): string {
  return state.name.trim() || fileLabel(state) || 'Untitled';
}

export function windowTitle(state: DocumentState | undefined): string {
  if (state === undefined) return APP_NAME;
  const label = documentLabel(state);
  const file = fileLabel(state);
  const parts = [label];
  if (file === undefined) parts.push('not saved');
  else if (file !== label) parts.push(file);
  parts.push(APP_NAME);
  return `${state.dirty ? '● ' : ''}${parts.join(' — ')}`;
}

export type UnsavedAnswer = 'save' | 'discard' | 'cancel';

/** Why the page would go: the window closes, or another folder's pipeline replaces it. */
export type LeaveReason = 'close' | 'open-other';

export const UNSAVED_BUTTONS = ['Save', "Don't Save", 'Cancel'] as const;

/** The message box for closing (or leaving for another folder) with unsaved changes. */
export function unsavedPrompt(state: DocumentState, leaving: LeaveReason): {
  type: 'warning';
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: boolean;
} {
  const what = leaving === 'close' ? 'closing' : 'opening the other pipeline';
  return {
    type: 'warning',
    message: `You have unsaved changes in ${documentLabel(state)}.`,
    detail: `Save them before ${what}? If you don't save, your changes are lost.`,
    buttons: [...UNSAVED_BUTTONS],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  };
}

/** The button index a message box returned, as an answer (anything unexpected cancels). */
export function unsavedAnswer(response: number): UnsavedAnswer {
  return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel';
}
