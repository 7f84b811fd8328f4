/**
 * The open pipeline: the document (the present of its undo history), where it lives, and what
 * the last validation said about it. Every edit goes through `apply` with a change object.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { PipelineDocument, PipelineIssue } from '../../../../engine/pipeline/document';
import { applyChange, type DocumentChange } from '../document-changes';
import { canRedo, canUndo, record, redo, startHistory, undo, type History } from '../history';
import type { ValidatedPorts } from '../port-lookup';
import { initialRunState, renameRunNode } from '../run-state';
import type { MillraceState } from '../state';

export const emptyDocument = (name = 'untitled'): PipelineDocument => ({ millrace: 1, name, nodes: [], layout: {} });

export interface Validation {
  /** The document these issues are about (they may lag behind the current one by a debounce). */
  document: PipelineDocument | null;
  issues: PipelineIssue[];
  ports: ValidatedPorts;
}

export interface LoadOptions {
  path?: string;
  /** The YAML text the document came from (its comments are kept on save). */
  source?: string;
  /** Whether the loaded document differs from the file (a restored autosave, an import): then it is dirty. */
  dirty?: boolean;
}

export interface DocumentSlice {
  /** Whether a pipeline is open (else the welcome screen shows). */
  open: boolean;
  /** Counts loads, so views can react to a newly opened document (fit it in view). */
  loadCount: number;
  /**
   * Counts loads and wholesale replacements (a restored autosave, a YAML edit): after each, the
   * engine is asked which results are kept from earlier runs (side-effects.ts).
   */
  swapCount: number;
  document: PipelineDocument;
  path: string | undefined;
  source: string | undefined;
  /** The document as last loaded from or saved to its file: dirty means `document !== savedDocument`. */
  savedDocument: PipelineDocument | null;
  history: History<PipelineDocument>;
  validation: Validation;
  /** Applies one edit as one undo step (or merges it into the last step with the same coalesceKey). */
  apply(change: DocumentChange, options?: { coalesceKey?: string }): void;
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  isDirty(): boolean;
  load(document: PipelineDocument, options?: LoadOptions): void;
  markSaved(path: string, source: string, document: PipelineDocument): void;
  setValidation(validation: Validation): void;
}

const noValidation: Validation = { document: null, issues: [], ports: {} };

export const createDocumentSlice: StateCreator<MillraceState, [], [], DocumentSlice> = (set, get) => {
  const empty = emptyDocument();
  return {
    open: false,
    loadCount: 0,
    swapCount: 0,
    document: empty,
    path: undefined,
    source: undefined,
    savedDocument: empty,
    history: startHistory(empty),
    validation: noValidation,
    apply(change, options = {}) {
      const state = get();
      const next = applyChange(state.document, change);
      if (next === state.document) return;
      const history = record(state.history, next, { key: options.coalesceKey });
      const ids = new Set(next.nodes.map((n) => n.id));
      const rename = change.kind === 'rename-node' ? (id: string) => (id === change.from ? change.to : id) : (id: string) => id;
      set({
        document: next,
        history,
        selectedNodes: state.selectedNodes.map(rename).filter((id) => ids.has(id)),
        selectedEdges: change.kind === 'remove' || change.kind === 'replace' || change.kind === 'rename-node' ? [] : state.selectedEdges,
        run: change.kind === 'rename-node' ? renameRunNode(state.run, change.from, change.to) : state.run,
        ...(change.kind === 'replace' ? { swapCount: state.swapCount + 1 } : {}),
      });
    },
    undo() {
      const history = undo(get().history);
      set({ history, document: history.present, selectedEdges: [] });
    },
    redo() {
      const history = redo(get().history);
      set({ history, document: history.present, selectedEdges: [] });
    },
    canUndo: () => canUndo(get().history),
    canRedo: () => canRedo(get().history),
    isDirty: () => get().document !== get().savedDocument,
    load(document, options = {}) {
      set({
        open: true,
        loadCount: get().loadCount + 1,
        swapCount: get().swapCount + 1,
        document,
        path: options.path,
        source: options.source,
        savedDocument: options.dirty ? null : document,
        history: startHistory(document),
        validation: noValidation,
        selectedNodes: [],
        selectedEdges: [],
        run: initialRunState,
      });
    },
    markSaved(path, source, document) {
      set({ path, source, savedDocument: document });
    },
    setValidation(validation) {
      set({ validation });
    },
  };
};
