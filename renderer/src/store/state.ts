/** The whole store's shape: one slice per concern, combined in create-store.ts. */
import type { DocumentSlice } from './slices/document-slice';
import type { RunSlice } from './slices/run-slice';
import type { SelectionSlice } from './slices/selection-slice';
import type { UiSlice } from './slices/ui-slice';

export type MillraceState = DocumentSlice & SelectionSlice & RunSlice & UiSlice;
