/**
 * Canvas actions shared by the toolbar, the palette and the keyboard: add a node in view, fit,
 * auto-layout, select all, copy/cut/paste/duplicate. Needs the ReactFlowProvider above it.
 */
import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import type { Position } from '../../../engine/pipeline/document';
import { useApp } from '../app/app-context';
import { newNodeChange } from '../store/document-changes';
import { copyFragment, fragmentToText, parseFragment, pasteChange, type Fragment } from '../store/fragment';
import { autoLayout, CARD_WIDTH, estimateCardSize } from './auto-layout';
import type { CardNode } from './to-flow';

const CLIPBOARD_KEY = 'millrace.clipboard';

export interface CanvasActions {
  /** The middle of the visible canvas, in flow coordinates. */
  viewCentre(): Position;
  addNode(type: string, at?: Position): string;
  fitView(): void;
  autoLayout(): void;
  selectAll(): void;
  /** The selection as clipboard text (also kept for other tabs), or undefined when nothing is selected. */
  copySelection(): string | undefined;
  cutSelection(): string | undefined;
  paste(text: string | undefined, at?: Position): boolean;
  duplicate(): void;
}

export function useCanvasActions(): CanvasActions {
  const { store, nodeTypes } = useApp();
  const flow = useReactFlow<CardNode>();
  return useMemo(() => {
    const state = () => store.getState();

    const viewCentre = (): Position => {
      const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
      if (!pane) return { x: 0, y: 0 };
      return flow.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 });
    };

    /**
     * Moves a spot until nothing is in the way: a dropped card only avoids landing exactly on
     * another (the user chose the place); a card added "in the middle" avoids covering any.
     */
    const freeSpot = (p: Position, avoidOverlap = false): Position => {
      const taken = Object.values(state().document.layout ?? {});
      const [w, h] = avoidOverlap ? [CARD_WIDTH + 16, 124] : [12, 12];
      let spot = p;
      for (let i = 0; i < 40 && taken.some((t) => Math.abs(t.x - spot.x) < w && Math.abs(t.y - spot.y) < h); i++) {
        spot = avoidOverlap ? { x: spot.x, y: spot.y + 62 } : { x: spot.x + 28, y: spot.y + 28 };
      }
      return spot;
    };

    const copySelection = (): string | undefined => {
      const ids = state().selectedNodes;
      if (ids.length === 0) return undefined;
      const text = fragmentToText(copyFragment(state().document, ids));
      try {
        localStorage.setItem(CLIPBOARD_KEY, text);
      } catch {
        // Storage full or disabled: the system clipboard still has it.
      }
      return text;
    };

    const paste = (text: string | undefined, at?: Position): boolean => {
      let fragment: Fragment | undefined = text ? parseFragment(text) : undefined;
      if (!fragment) {
        try {
          const kept = localStorage.getItem(CLIPBOARD_KEY);
          if (kept && !text?.trim()) fragment = parseFragment(kept);
        } catch {
          fragment = undefined;
        }
      }
      if (!fragment || fragment.nodes.length === 0) return false;
      const place = at ? freeSpot(at) : freeSpot({ x: viewCentre().x - CARD_WIDTH / 2, y: viewCentre().y - 40 }, true);
      const change = pasteChange(state().document, fragment, place);
      state().apply(change);
      state().select(change.nodes.map((n) => n.id));
      return true;
    };

    return {
      viewCentre,
      addNode(type, at) {
        const centre = viewCentre();
        const position = at ? freeSpot(at) : freeSpot({ x: Math.round(centre.x - CARD_WIDTH / 2), y: Math.round(centre.y - 40) }, true);
        const change = newNodeChange(state().document, type, position);
        state().apply(change);
        const id = change.nodes[0]?.id as string;
        state().select([id]);
        return id;
      },
      fitView() {
        void flow.fitView({ padding: 0.15, duration: 200, maxZoom: 1.25 });
      },
      autoLayout() {
        const measured = new Map(flow.getNodes().map((n) => [n.id, n.measured]));
        const doc = state().document;
        const positions = autoLayout(doc, (id) => {
          const m = measured.get(id);
          if (m?.width && m.height) return { width: m.width, height: m.height };
          const node = doc.nodes.find((n) => n.id === id);
          return estimateCardSize(node ? nodeTypes.get(node.type) : undefined, node ? Object.keys(node.inputs).length : 1);
        });
        state().apply({ kind: 'move-nodes', positions });
        setTimeout(() => void flow.fitView({ padding: 0.15, duration: 250, maxZoom: 1.25 }), 30);
      },
      selectAll() {
        state().select(state().document.nodes.map((n) => n.id));
      },
      copySelection,
      cutSelection() {
        const text = copySelection();
        if (text) state().apply({ kind: 'remove', nodes: state().selectedNodes, edges: [] });
        return text;
      },
      paste,
      duplicate() {
        const ids = state().selectedNodes;
        if (ids.length === 0) return;
        const fragment = copyFragment(state().document, ids);
        const first = Object.values(fragment.layout)[0];
        const left = Math.min(...Object.values(fragment.layout).map((p) => p.x));
        const top = Math.min(...Object.values(fragment.layout).map((p) => p.y));
        const change = pasteChange(state().document, fragment, first ? { x: left + 40, y: top + 40 } : viewCentre());
        state().apply(change);
        state().select(change.nodes.map((n) => n.id));
      },
    };
  }, [store, nodeTypes, flow]);
}
