/**
 * Results kept from earlier runs, shown when a pipeline opens (a reload, the file opened again): a
 * node with no status yet takes its kept one, signed with its signature in the document that was
 * asked about, so an edit after it marks it stale exactly as after a real run. Never during a run
 * or while one is being requested, and never over a status a run gave.
 */
import type { StoredNodeResult } from '../../../engine/contract/api';
import type { NodeRunState, RunState } from './run-state';

export const KEPT_REASON = 'kept from an earlier run';
/** A step computed inside a kept step's query has nothing kept of its own (the badge says so). */
export const FUSED_REASON = 'from an earlier run';

export function mergeStoredResults(run: RunState, stored: Record<string, StoredNodeResult>, signatures: Record<string, string>): RunState {
  if (run.running || run.requesting) return run;
  let nodes: Record<string, NodeRunState> | undefined;
  for (const [id, result] of Object.entries(stored)) {
    const signature = signatures[id];
    const current = run.nodes[id];
    // Not in the document asked about (a stale answer), or it has a status of its own.
    if (signature === undefined || (current !== undefined && current.phase !== 'idle')) continue;
    nodes ??= { ...run.nodes };
    nodes[id] = {
      phase: result.status,
      rows: result.rows,
      columns: result.columns,
      outputRows: result.outputRows,
      error: result.error,
      fusedInto: result.fusedInto,
      reason: result.fusedInto ? FUSED_REASON : KEPT_REASON,
      signature,
    };
  }
  return nodes ? { ...run, nodes } : run;
}
