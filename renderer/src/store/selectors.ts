/** Derived values read by many components, memoised per document so they are computed once. */
import type { PipelineDocument } from '../../../engine/pipeline/document';
import { nodeSignatures } from './run-signatures';
import type { DisplayPhase, NodeRunState } from './run-state';
import type { MillraceState } from './state';

const signatureCache = new WeakMap<PipelineDocument, Record<string, string>>();

export function signaturesFor(document: PipelineDocument): Record<string, string> {
  let signatures = signatureCache.get(document);
  if (!signatures) {
    signatures = nodeSignatures(document);
    signatureCache.set(document, signatures);
  }
  return signatures;
}

/** What a node's card shows: its last result, marked stale when the node or what feeds it changed since. */
export function displayPhase(state: MillraceState, id: string): DisplayPhase {
  const run: NodeRunState | undefined = state.run.nodes[id];
  if (!run) return 'idle';
  const settled = run.phase === 'done' || run.phase === 'cached' || run.phase === 'failed';
  if (settled && run.signature !== undefined && run.signature !== signaturesFor(state.document)[id]) return 'stale';
  return run.phase;
}

export const selectedNode = (state: MillraceState) => (state.selectedNodes.length === 1 ? state.document.nodes.find((n) => n.id === state.selectedNodes[0]) : undefined);
