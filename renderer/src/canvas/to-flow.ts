/**
 * The document as React Flow elements. The document is the model; these are a view of it,
 * rebuilt on every change. Node and edge objects are reused when nothing about them changed, so
 * React Flow re-renders only the cards and edges that did (with 1000 nodes, rebuilding them all on
 * every edit made each edit cost a full re-render).
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

const NOT_DRAGGED: ReadonlyMap<string, Position> = new Map();

/**
 * `dragged`: positions of the cards being dragged right now. They live here, not in the document,
 * until the drag ends (see Canvas), so a drag does not make an edit, an undo step and a validation
 * per mouse move.
 */
export function buildNodes(
  document: PipelineDocument,
  selected: ReadonlySet<string>,
  measured: ReadonlyMap<string, Measured>,
  previous: ReadonlyMap<string, CardNode>,
  dragged: ReadonlyMap<string, Position> = NOT_DRAGGED,
): CardNode[] {
  return document.nodes.map((node, i) => {
    const moving = dragged.get(node.id);
    const position = moving ?? document.layout?.[node.id] ?? { x: FALLBACK.x + i * 40, y: FALLBACK.y + i * 40 };
    const isSelected = selected.has(node.id);
    const size = measured.get(node.id);
    const old = previous.get(node.id);
    if (old && old.data.node === node && old.position.x === position.x && old.position.y === position.y && old.selected === isSelected && old.measured === size && (old.dragging === true) === (moving !== undefined)) return old;
    // The same data object while the node itself is unchanged: a moved card need not re-render.
    const data = old && old.data.node === node ? old.data : { node };
    return { id: node.id, type: 'card', position, data, selected: isSelected, ...(size ? { measured: size } : {}), ...(moving ? { dragging: true } : {}) };
  });
}

const sameEdge = (a: FlowEdge, b: FlowEdge): boolean =>
  a.source === b.source && a.sourceHandle === b.sourceHandle && a.target === b.target && a.targetHandle === b.targetHandle && a.selected === b.selected && a.animated === b.animated && a.className === b.className;

/**
 * `previous`: the edges built last time. An edge equal to its previous object is that object, and
 * when every edge is, the previous array itself is returned (React Flow then has nothing to redo).
 */
export function buildEdges(
  document: PipelineDocument,
  nodeTypes: ReadonlyMap<string, NodeTypeJson>,
  validated: ValidatedPorts | undefined,
  selected: ReadonlySet<string>,
  running: ReadonlySet<string>,
  previous: FlowEdge[] = [],
): FlowEdge[] {
  const byId = new Map(document.nodes.map((n) => [n.id, n]));
  const before = new Map(previous.map((e) => [e.id, e]));
  const edges: FlowEdge[] = [];
  let reused = 0;
  for (const node of document.nodes) {
    for (const [port, ref] of Object.entries(node.inputs)) {
      const from = parseInputRef(ref);
      const source = byId.get(from.node);
      if (!source) continue;
      const portType = outputPortsOf(source.id, nodeTypes.get(source.type), validated).find((p) => p.name === from.port)?.type;
      const id = edgeId({ node: node.id, port });
      const edge: FlowEdge = {
        id,
        source: from.node,
        sourceHandle: from.port,
        target: node.id,
        targetHandle: port,
        selected: selected.has(id),
        animated: running.has(node.id),
        className: portType === 'model' ? 'edge-model' : 'edge-table',
        data: { node: node.id, port },
      };
      const old = before.get(id);
      if (old && sameEdge(old, edge)) {
        edges.push(old);
        if (previous[edges.length - 1] === old) reused += 1;
      } else edges.push(edge);
    }
  }
  return reused === edges.length && reused === previous.length ? previous : edges;
}
