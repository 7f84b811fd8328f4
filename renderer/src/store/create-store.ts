/** One store per open window, built from its slices. Side effects attach in side-effects.ts. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createDocumentSlice } from './slices/document-slice';
import { createRunSlice } from './slices/run-slice';
import { createSelectionSlice } from './slices/selection-slice';
import { createUiSlice } from './slices/ui-slice';
import type { MillraceState } from './state';

export type MillraceStore = StoreApi<MillraceState>;

export function createMillraceStore(): MillraceStore {
  return createStore<MillraceState>()((...a) => ({
    ...createDocumentSlice(...a),
    ...createSelectionSlice(...a),
    ...createRunSlice(...a),
    ...createUiSlice(...a),
  }));
}
