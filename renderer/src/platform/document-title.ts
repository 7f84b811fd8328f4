/** What the window title and the desktop's close prompt show about the open pipeline. */
import type { DocumentState } from '../../../engine/contract/desktop-bridge';
import type { MillraceState } from '../store/state';

export type DocumentFacts = Pick<MillraceState, 'open' | 'path' | 'document' | 'savedDocument'>;

/** The open pipeline's file, name and dirtiness; with nothing open, an empty name and clean. */
export function documentStateOf(state: DocumentFacts): DocumentState {
  if (!state.open) return { name: '', dirty: false };
  return { ...(state.path !== undefined && { path: state.path }), name: state.document.name, dirty: state.document !== state.savedDocument };
}

export function sameDocumentState(a: DocumentState, b: DocumentState): boolean {
  return a.path === b.path && a.name === b.name && a.dirty === b.dirty;
}

/** `penguins — models/penguins.yaml • — Millrace`: name, file, a dot while unsaved. */
export function documentTitle(state: DocumentState): string {
  const name = state.name.trim();
  if (!name && !state.path) return 'Millrace';
  const what = [name || 'untitled', state.path].filter(Boolean).join(' — ');
  return `${what}${state.dirty ? ' •' : ''} — Millrace`;
}
