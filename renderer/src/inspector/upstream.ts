/**
 * What a node's input schema depends on: its upstream nodes (type, inputs, params), nothing else.
 * Its own params and the layout do not count, so typing in the form does not refetch the schema.
 */
import type { PipelineDocument } from '../../../engine/pipeline/document';

function sourceNode(ref: string): string {
  const dot = ref.indexOf('.');
  return dot === -1 ? ref : ref.slice(0, dot);
}

/** Ids of every node `nodeId` reads from, directly or not (cycles are tolerated). */
export function ancestorIds(document: PipelineDocument, nodeId: string): string[] {
  const byId = new Map(document.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const stack = Object.values(byId.get(nodeId)?.inputs ?? {}).map(sourceNode);
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id) || id === nodeId) continue;
    seen.add(id);
    for (const ref of Object.values(byId.get(id)?.inputs ?? {})) stack.push(sourceNode(ref));
  }
  return [...seen].sort();
}

/** A string that changes exactly when the node's input schema may change. */
export function upstreamKey(document: PipelineDocument, nodeId: string): string {
  const node = document.nodes.find((n) => n.id === nodeId);
  const ancestors = ancestorIds(document, nodeId).map((id) => document.nodes.find((n) => n.id === id) ?? { id, missing: true });
  return JSON.stringify({ node: nodeId, type: node?.type, inputs: node?.inputs, ancestors });
}
