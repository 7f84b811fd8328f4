/**
 * Picking a node's log and data-quality results out of the run history: the latest run that
 * included the node and, when it was only cached there, the latest run in which it really ran.
 */
import type { LogEntry, QualityResultRecord, RunDetailsResponse, RunRecord } from '../../../engine/contract/api';
import type { NodeRunRecord } from './types';

export interface NodeLog {
  run: RunRecord;
  node: NodeRunRecord;
  logs: LogEntry[];
  quality: QualityResultRecord[];
}

/** How many runs back the panel looks for the node. */
export const RUNS_TO_SEARCH = 10;

export function runsNewestFirst(runs: RunRecord[]): RunRecord[] {
  return [...runs].sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
}

/** The node's record in a run (its last attempt), or null when the run did not include it. */
export function nodeRunIn(details: RunDetailsResponse, nodeId: string): NodeRunRecord | null {
  const attempts = details.nodes.filter((n) => n.nodeId === nodeId && n.status !== 'pending');
  return attempts.reduce<NodeRunRecord | null>((last, n) => (last === null || n.attempt > last.attempt ? n : last), null);
}

/** Whether the node computed something in that run (so the run holds its log). */
export function ranIn(record: NodeRunRecord): boolean {
  return record.status !== 'cached' && record.status !== 'skipped' && !record.cacheHit;
}

export function nodeLogFrom(details: RunDetailsResponse, nodeId: string): NodeLog | null {
  const node = nodeRunIn(details, nodeId);
  if (!node) return null;
  return {
    run: details.run,
    node,
    logs: details.logs.filter((l) => l.nodeId === nodeId),
    quality: details.quality.filter((q) => q.nodeId === nodeId),
  };
}

export interface NodeLogResult {
  /** The latest run that included the node. */
  latest: NodeLog | null;
  /** When the node was cached in `latest`: the run in which it last really ran (its log). */
  ran: NodeLog | null;
}

/** Walk runs newest first (details fetched on demand) until the node's latest run and its latest real run are found. */
export async function findNodeLog(
  runs: RunRecord[],
  nodeId: string,
  getRun: (runId: string) => Promise<RunDetailsResponse>,
): Promise<NodeLogResult> {
  let latest: NodeLog | null = null;
  for (const run of runsNewestFirst(runs).slice(0, RUNS_TO_SEARCH)) {
    const log = nodeLogFrom(await getRun(run.id), nodeId);
    if (!log) continue;
    latest ??= log;
    if (ranIn(log.node)) return { latest, ran: log };
  }
  return { latest, ran: null };
}
