/** Panels, dialogs and messages: state of the window, never saved with the pipeline. */
import type { StateCreator } from 'zustand/vanilla';
import type { PipelineDocument } from '../../../../engine/pipeline/document';
import type { MillraceState } from '../state';

export type Dialog = { kind: 'open' } | { kind: 'save-as' } | { kind: 'import-errors'; title: string; messages: string[] } | null;

export interface Toast {
  id: number;
  kind: 'info' | 'error' | 'success';
  message: string;
}

/** An autosave that differs from the file: offered, never applied by itself. */
export interface RestoreOffer {
  document: PipelineDocument;
  savedAt: string;
}

export interface UiSlice {
  centre: 'canvas' | 'yaml';
  dataPanelOpen: boolean;
  dataPanelHeight: number;
  helpOpen: boolean;
  historyOpen: boolean;
  dialog: Dialog;
  toasts: Toast[];
  restoreOffer: RestoreOffer | null;
  /** What the app is busy with ("Opening penguins.yaml…"), for a status line. */
  busy: string | null;
  setUi(patch: Partial<Pick<UiSlice, 'centre' | 'dataPanelOpen' | 'dataPanelHeight' | 'helpOpen' | 'historyOpen' | 'dialog' | 'restoreOffer' | 'busy'>>): void;
  toast(message: string, kind?: Toast['kind']): number;
  dismissToast(id: number): void;
}

let toastIds = 0;

export const createUiSlice: StateCreator<MillraceState, [], [], UiSlice> = (set, get) => ({
  centre: 'canvas',
  dataPanelOpen: true,
  dataPanelHeight: 300,
  helpOpen: false,
  historyOpen: false,
  dialog: null,
  toasts: [],
  restoreOffer: null,
  busy: null,
  setUi: (patch) => set(patch),
  toast(message, kind = 'info') {
    const id = ++toastIds;
    // The same message twice in a row replaces the first, so repeated refusals do not pile up.
    set({ toasts: [...get().toasts.filter((t) => t.message !== message), { id, kind, message }].slice(-4) });
    return id;
  },
  dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
});
