/**
 * What a node's output depends on in the document: the node and everything upstream of it.
 * The panel refetches when this changes, and not when an unrelated node is edited or moved.
 */
import { parseInputRef, type PipelineDocument } from '../../../engine/pipeline/document';

/** The node and its ancestors, in document order. Unknown ids are skipped; cycles end. */
export function upstreamNodeIds(document: PipelineDocument, nodeId: string): string[] {
  const byId = new Map(document.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    const node = byId.get(id);
    if (!node) return;
    seen.add(id);
    for (const ref of Object.values(node.inputs)) visit(parseInputRef(ref).node);
  };
  visit(nodeId);
  return document.nodes.filter((n) => seen.has(n.id)).map((n) => n.id);
}

/** A string that changes exactly when the node's output may change: its and its ancestors' type, inputs and params. */
export function upstreamKey(document: PipelineDocument, nodeId: string, path: string | undefined): string {
  const ids = new Set(upstreamNodeIds(document, nodeId));
  const nodes = document.nodes.filter((n) => ids.has(n.id)).map((n) => [n.id, n.type, n.inputs, n.params]);
  return JSON.stringify([path ?? null, nodeId, nodes]);
}
