/**
 * Left-to-right layout of the whole pipeline with dagre: sources on the left, each node right of
 * what it reads. Positions are top-left corners, as React Flow and document.layout use them.
 */
import dagre from '@dagrejs/dagre';
import { parseInputRef, type PipelineDocument, type Position } from '../../../engine/pipeline/document';
import type { NodeTypeJson } from '../../../nodes/catalogue-json';

export interface Size {
  width: number;
  height: number;
}

export const CARD_WIDTH = 200;

/** A card's size before it was drawn: header and status lines, plus a row per port beyond the first. */
export function estimateCardSize(nodeType: NodeTypeJson | undefined, inputCount: number): Size {
  const rows = Math.max(inputCount, nodeType?.outputs.length ?? 1, 1);
  return { width: CARD_WIDTH, height: rows > 1 ? 70 + rows * 20 : 76 };
}

export function autoLayout(document: PipelineDocument, sizeOf: (id: string) => Size): Record<string, Position> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 56, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of document.nodes) graph.setNode(node.id, sizeOf(node.id));
  const ids = new Set(document.nodes.map((n) => n.id));
  for (const node of document.nodes) {
    for (const ref of Object.values(node.inputs)) {
      const from = parseInputRef(ref).node;
      if (ids.has(from)) graph.setEdge(from, node.id);
    }
  }
  dagre.layout(graph);
  const positions: Record<string, Position> = {};
  for (const node of document.nodes) {
    const placed = graph.node(node.id) as { x: number; y: number; width: number; height: number } | undefined;
    if (placed) positions[node.id] = { x: Math.round(placed.x - placed.width / 2), y: Math.round(placed.y - placed.height / 2) };
  }
  return positions;
}

/** Lays out the nodes that have no position yet (a file written by hand), leaving placed ones alone. */
export function withLayout(document: PipelineDocument, nodeTypes: ReadonlyMap<string, NodeTypeJson>): PipelineDocument {
  const missing = document.nodes.filter((n) => !document.layout?.[n.id]);
  if (missing.length === 0) return document;
  const sizeOf = (id: string): Size => {
    const node = document.nodes.find((n) => n.id === id);
    return estimateCardSize(node ? nodeTypes.get(node.type) : undefined, node ? Object.keys(node.inputs).length : 1);
  };
  const placed = autoLayout(document, sizeOf);
  if (missing.length === document.nodes.length) return { ...document, layout: placed };
  // Some nodes have positions: put the new ones below everything, in their laid-out arrangement.
  const bottom = Math.max(...Object.values(document.layout ?? {}).map((p) => p.y)) + 160;
  const top = Math.min(...missing.map((n) => placed[n.id]?.y ?? 0));
  const layout = { ...document.layout };
  for (const n of missing) {
    const p = placed[n.id];
    if (p) layout[n.id] = { x: p.x, y: p.y - top + bottom };
  }
  return { ...document, layout };
}
