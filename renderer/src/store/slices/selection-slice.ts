/** Which nodes and edges are selected on the canvas (edge ids are `target:port`, see canvas/to-flow.ts). */
import type { StateCreator } from 'zustand/vanilla';
import type { MillraceState } from '../state';

export interface SelectionSlice {
  selectedNodes: string[];
  selectedEdges: string[];
  select(nodes: string[], edges?: string[]): void;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export const createSelectionSlice: StateCreator<MillraceState, [], [], SelectionSlice> = (set, get) => ({
  selectedNodes: [],
  selectedEdges: [],
  select(nodes, edges = []) {
    const state = get();
    // Keep the arrays' identity when nothing changed, so subscribers do not re-render.
    if (same(state.selectedNodes, nodes) && same(state.selectedEdges, edges)) return;
    set({ selectedNodes: nodes, selectedEdges: edges });
  },
});
