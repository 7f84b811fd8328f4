/**
 * Whether an output port may be wired to an input port: the one rule set the engine's validation
 * and the canvas both use. Pure data in, answer out: the engine looks ports up in its catalogue,
 * the canvas in the catalogue JSON it was served, through the same `PortLookup`.
 */
import type { PortSpec } from '../../nodes/node-definition.js';
import { documentEdges, type Edge } from '../pipeline/graph.js';
import { parseInputRef, type PipelineDocument } from '../pipeline/document.js';

export interface PortRef {
  node: string;
  port: string;
}

export interface PortLookup {
  /** The node's type name, or undefined when the type is unknown. */
  typeOf(node: string): string | undefined;
  /** Output ports of a node (split's depend on its params). */
  outputs(node: string): PortSpec[] | undefined;
  /** The input port of a node by name (variadic nodes accept any valid name). */
  input(node: string, port: string): PortSpec | undefined;
}

export type ConnectRefusal = 'UNKNOWN_NODE' | 'UNKNOWN_NODE_TYPE' | 'UNKNOWN_OUTPUT_PORT' | 'UNKNOWN_INPUT_PORT' | 'SELF_LOOP' | 'PORT_TYPE_MISMATCH' | 'ALREADY_CONNECTED' | 'CYCLE';

export type ConnectResult = { ok: true } | { ok: false; code: ConnectRefusal; reason: string };

/** The nodes from `start` to `goal` following data flow (breadth-first: the shortest way), or undefined. */
function pathBetween(edges: readonly Edge[], start: string, goal: string): string[] | undefined {
  const cameFrom = new Map<string, string>([[start, start]]);
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const id = queue[q] as string;
    if (id === goal) {
      const path = [goal];
      for (let at = goal; at !== start; at = cameFrom.get(at) as string) path.unshift(cameFrom.get(at) as string);
      return path;
    }
    for (const e of edges) {
      if (e.from === id && !cameFrom.has(e.to)) {
        cameFrom.set(e.to, id);
        queue.push(e.to);
      }
    }
  }
  return undefined;
}

export function checkConnection(document: PipelineDocument, ports: PortLookup, from: PortRef, to: PortRef): ConnectResult {
  const refuse = (code: ConnectRefusal, reason: string): ConnectResult => ({ ok: false, code, reason });
  const source = document.nodes.find((n) => n.id === from.node);
  const target = document.nodes.find((n) => n.id === to.node);
  if (!source) return refuse('UNKNOWN_NODE', `There is no node "${from.node}".`);
  if (!target) return refuse('UNKNOWN_NODE', `There is no node "${to.node}".`);
  if (from.node === to.node) return refuse('SELF_LOOP', `A node cannot read its own output.`);
  if (ports.typeOf(from.node) === undefined) return refuse('UNKNOWN_NODE_TYPE', `"${from.node}" has unknown type "${source.type}".`);
  if (ports.typeOf(to.node) === undefined) return refuse('UNKNOWN_NODE_TYPE', `"${to.node}" has unknown type "${target.type}".`);
  const output = ports.outputs(from.node)?.find((o) => o.name === from.port);
  if (!output) return refuse('UNKNOWN_OUTPUT_PORT', `"${from.node}" (${source.type}) has no output port "${from.port}".`);
  const input = ports.input(to.node, to.port);
  if (!input) return refuse('UNKNOWN_INPUT_PORT', `"${to.node}" (${target.type}) has no input port "${to.port}".`);
  if (output.type !== input.type) {
    return refuse('PORT_TYPE_MISMATCH', `Input "${to.port}" of "${to.node}" takes a ${input.type}, but "${from.node}.${from.port}" is a ${output.type}.`);
  }
  const existing = target.inputs[to.port];
  if (existing !== undefined) {
    const current = parseInputRef(existing);
    return refuse('ALREADY_CONNECTED', `Input "${to.port}" of "${to.node}" is already connected to "${current.node}.${current.port}"; remove that connection first.`);
  }
  const loop = pathBetween(documentEdges(document), to.node, from.node);
  if (loop) return refuse('CYCLE', `That would make a cycle: ${[...loop, to.node].join(' → ')}.`);
  return { ok: true };
}
