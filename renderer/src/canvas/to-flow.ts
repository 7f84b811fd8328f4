/**
 * The document as React Flow elements. The document is the model; these are a view of it,
 * rebuilt on every change. Node objects are reused when nothing about them changed, so React Flow
 * re-renders only the cards that did.
 */
import type { Edge, Node } from '@xyflow/react';
import { parseInputRef, type PipelineDocument, type PipelineNode, type Position } from '../../../engine/pipeline/document';
import type { NodeTypeJson } from '../../../nodes/catalogue-json';
import type { InputSlot } from '../store/document-changes';
import { outputPortsOf, type ValidatedPorts } from '../store/port-lookup';

export type CardData = { node: PipelineNode };
export type CardNode = Node<CardData, 'card'>;
export type FlowEdge = Edge<{ node: string; port: string }>;

/** An edge is named by the input it ends at: `target:port` (ids never contain `:`). */
export const edgeId = (slot: InputSlot): string => `${slot.node}:${slot.port}`;

export function parseEdgeId(id: string): InputSlot {
  const at = id.lastIndexOf(':');
  return { node: id.slice(0, at), port: id.slice(at + 1) };
}

export interface Measured {
  width: number;
  height: number;
}

const FALLBACK: Position = { x: 0, y: 0 };

export function buildNodes(
  document: PipelineDocument,
  selected: ReadonlySet<string>,
  measured: ReadonlyMap<string, Measured>,
  previous: ReadonlyMap<string, CardNode>,
): CardNode[] {
  return document.nodes.map((node, i) => {
    const position = document.layout?.[node.id] ?? { x: FALLBACK.x + i * 40, y: FALLBACK.y + i * 40 };
    const isSelected = selected.has(node.id);
    const size = measured.get(node.id);
    const old = previous.get(node.id);
    if (old && old.data.node === node && old.position.x === position.x && old.position.y === position.y && old.selected === isSelected && old.measured === size) return old;
    return { id: node.id, type: 'card', position, data: { node }, selected: isSelected, ...(size ? { measured: size } : {}) };
  });
}

export function buildEdges(
  document: PipelineDocument,
  nodeTypes: ReadonlyMap<string, NodeTypeJson>,
  validated: ValidatedPorts | undefined,
  selected: ReadonlySet<string>,
  running: ReadonlySet<string>,
): FlowEdge[] {
  const byId = new Map(document.nodes.map((n) => [n.id, n]));
  const edges: FlowEdge[] = [];
  for (const node of document.nodes) {
    for (const [port, ref] of Object.entries(node.inputs)) {
      const from = parseInputRef(ref);
      const source = byId.get(from.node);
      if (!source) continue;
      const portType = outputPortsOf(source.id, nodeTypes.get(source.type), validated).find((p) => p.name === from.port)?.type;
      const id = edgeId({ node: node.id, port });
      edges.push({
        id,
        source: from.node,
        sourceHandle: from.port,
        target: node.id,
        targetHandle: port,
        selected: selected.has(id),
        animated: running.has(node.id),
        className: portType === 'model' ? 'edge-model' : 'edge-table',
        data: { node: node.id, port },
      });
    }
  }
  return edges;
}
