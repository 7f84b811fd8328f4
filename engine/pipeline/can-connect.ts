/**
 * Whether the canvas may draw a connection from an output port to an input port: the same rules
 * resolvePipeline enforces, asked before the edit instead of after it.
 */
import type { Catalogue } from '../../nodes/catalogue.js';
import { parseInputRef, type PipelineDocument } from './document.js';
import { documentEdges, type Edge } from './graph.js';
import { inputPort, outputsOf, parseParams } from './ports.js';

export interface PortRef {
  node: string;
  port: string;
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

export function canConnect(document: PipelineDocument, catalogue: Catalogue, from: PortRef, to: PortRef): ConnectResult {
  const refuse = (code: ConnectRefusal, reason: string): ConnectResult => ({ ok: false, code, reason });
  const source = document.nodes.find((n) => n.id === from.node);
  const target = document.nodes.find((n) => n.id === to.node);
  if (!source) return refuse('UNKNOWN_NODE', `There is no node "${from.node}".`);
  if (!target) return refuse('UNKNOWN_NODE', `There is no node "${to.node}".`);
  if (from.node === to.node) return refuse('SELF_LOOP', `A node cannot read its own output.`);
  const sourceDef = catalogue.get(source.type);
  const targetDef = catalogue.get(target.type);
  if (!sourceDef) return refuse('UNKNOWN_NODE_TYPE', `"${from.node}" has unknown type "${source.type}".`);
  if (!targetDef) return refuse('UNKNOWN_NODE_TYPE', `"${to.node}" has unknown type "${target.type}".`);
  // Params that do not parse leave a split's outputs unknown: fall back to its declared ones.
  const outputs = outputsOf(sourceDef, parseParams(sourceDef, source.params)) ?? sourceDef.outputs;
  const output = outputs.find((o) => o.name === from.port);
  if (!output) return refuse('UNKNOWN_OUTPUT_PORT', `"${from.node}" (${source.type}) has no output port "${from.port}".`);
  const input = inputPort(targetDef, to.port);
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
