/**
 * Every edit of a pipeline is a change object applied by a pure function here, so that undo/redo,
 * autosave and validation hang off one place (the document slice). No React, no I/O.
 */
import { parseInputRef, type PipelineDocument, type PipelineNode, type Position } from '../../../engine/pipeline/document';
import { freshId, usedIds } from './node-ids';

export interface PortRef {
  node: string;
  port: string;
}

/** One input of one node: the edge that ends there. */
export interface InputSlot {
  node: string;
  port: string;
}

export type DocumentChange =
  /** Adds nodes (from the palette, or pasted) with their positions; ids must be fresh. */
  | { kind: 'add-nodes'; nodes: PipelineNode[]; positions: Record<string, Position> }
  /** Removes nodes (and every input that reads them) and single edges. */
  | { kind: 'remove'; nodes: string[]; edges: InputSlot[] }
  | { kind: 'move-nodes'; positions: Record<string, Position> }
  | { kind: 'connect'; from: PortRef; to: PortRef }
  | { kind: 'set-params'; node: string; params: Record<string, unknown> }
  | { kind: 'set-label'; node: string; label: string }
  | { kind: 'rename-node'; from: string; to: string }
  | { kind: 'set-info'; name?: string; description?: string }
  /** Replaces the whole document (YAML view, import): still one undoable step. */
  | { kind: 'replace'; document: PipelineDocument };

/** `node.port`, or just `node` for the default `out` port, as the YAML writes it. */
export function inputRef(from: PortRef): string {
  return from.port === 'out' ? from.node : `${from.node}.${from.port}`;
}

const round = (p: Position): Position => ({ x: Math.round(p.x), y: Math.round(p.y) });

function mapNodes(document: PipelineDocument, fn: (node: PipelineNode) => PipelineNode): PipelineDocument {
  let changed = false;
  const nodes = document.nodes.map((n) => {
    const next = fn(n);
    if (next !== n) changed = true;
    return next;
  });
  return changed ? { ...document, nodes } : document;
}

function addNodes(document: PipelineDocument, nodes: PipelineNode[], positions: Record<string, Position>): PipelineDocument {
  const layout = { ...document.layout };
  for (const node of nodes) {
    const p = positions[node.id];
    if (p) layout[node.id] = round(p);
  }
  return { ...document, nodes: [...document.nodes, ...nodes], layout };
}

function remove(document: PipelineDocument, ids: readonly string[], edges: readonly InputSlot[]): PipelineDocument {
  const gone = new Set(ids);
  const cut = new Set(edges.map((e) => `${e.node}\u0000${e.port}`));
  const nodes = document.nodes
    .filter((n) => !gone.has(n.id))
    .map((n) => {
      const kept = Object.entries(n.inputs).filter(([port, ref]) => !gone.has(parseInputRef(ref).node) && !cut.has(`${n.id}\u0000${port}`));
      return kept.length === Object.keys(n.inputs).length ? n : { ...n, inputs: Object.fromEntries(kept) };
    });
  const layout = document.layout ? Object.fromEntries(Object.entries(document.layout).filter(([id]) => !gone.has(id))) : undefined;
  return { ...document, nodes, ...(layout ? { layout } : {}) };
}

function move(document: PipelineDocument, positions: Record<string, Position>): PipelineDocument {
  const layout = { ...document.layout };
  for (const [id, p] of Object.entries(positions)) if (document.nodes.some((n) => n.id === id)) layout[id] = round(p);
  return { ...document, layout };
}

function rename(document: PipelineDocument, from: string, to: string): PipelineDocument {
  if (from === to) return document;
  const renameRef = (ref: string): string => {
    const parsed = parseInputRef(ref);
    return parsed.node === from ? inputRef({ node: to, port: parsed.port }) : ref;
  };
  const renamed = mapNodes(document, (n) => {
    const inputs = Object.fromEntries(Object.entries(n.inputs).map(([port, ref]) => [port, renameRef(ref)]));
    const changedInputs = Object.entries(inputs).some(([port, ref]) => n.inputs[port] !== ref);
    if (n.id !== from && !changedInputs) return n;
    return { ...n, id: n.id === from ? to : n.id, inputs: changedInputs ? inputs : n.inputs };
  });
  if (!document.layout || !(from in document.layout)) return renamed;
  const layout = Object.fromEntries(Object.entries(document.layout).map(([id, p]) => [id === from ? to : id, p]));
  return { ...renamed, layout };
}

function setLabel(node: PipelineNode, label: string): PipelineNode {
  const trimmed = label.trim();
  if (trimmed === '' || trimmed === node.id) {
    if (node.label === undefined) return node;
    const { label: _dropped, ...rest } = node;
    return rest;
  }
  return trimmed === node.label ? node : { ...node, label: trimmed };
}

/** The document after `change`; the same object when nothing changed (so no undo step is made). */
export function applyChange(document: PipelineDocument, change: DocumentChange): PipelineDocument {
  switch (change.kind) {
    case 'add-nodes':
      return change.nodes.length === 0 ? document : addNodes(document, change.nodes, change.positions);
    case 'remove':
      return change.nodes.length === 0 && change.edges.length === 0 ? document : remove(document, change.nodes, change.edges);
    case 'move-nodes':
      return move(document, change.positions);
    case 'connect':
      return mapNodes(document, (n) => (n.id === change.to.node ? { ...n, inputs: { ...n.inputs, [change.to.port]: inputRef(change.from) } } : n));
    case 'set-params':
      return mapNodes(document, (n) => (n.id === change.node ? { ...n, params: change.params } : n));
    case 'set-label':
      return mapNodes(document, (n) => (n.id === change.node ? setLabel(n, change.label) : n));
    case 'rename-node':
      return rename(document, change.from, change.to);
    case 'set-info': {
      const next = { ...document, ...(change.name !== undefined ? { name: change.name } : {}) };
      if (change.description !== undefined) {
        if (change.description.trim() === '') delete next.description;
        else next.description = change.description;
      }
      return next;
    }
    case 'replace':
      return change.document;
  }
}

/** The change that adds one new node of `type` at `position`, with a fresh id (`filter_1`, `filter_2`, …). */
export function newNodeChange(
  document: PipelineDocument,
  type: string,
  position: Position,
  params: Record<string, unknown> = {},
): Extract<DocumentChange, { kind: 'add-nodes' }> {
  const id = freshId(usedIds(document), type);
  return { kind: 'add-nodes', nodes: [{ id, type, inputs: {}, params }], positions: { [id]: position } };
}
