import { describe, expect, it } from 'vitest';
import type { RunDetailsResponse, RunRecord } from '../../../engine/contract/api';
import type { NodeRunRecord } from './types';
import { findNodeLog, nodeLogFrom, runsNewestFirst } from './run-log';

const counts = { pending: 0, running: 0, done: 0, cached: 0, failed: 0, skipped: 0, cancelled: 0, total: 0 };
function run(id: string, startedAt: string): RunRecord {
  return { id, pipelineName: 'p', pipelineFile: 'p.yaml', targetNode: null, status: 'succeeded', startedAt, endedAt: startedAt, error: null, pid: 1, host: 'h', counts };
}
function nodeRun(runId: string, nodeId: string, status: NodeRunRecord['status'], attempt = 1): NodeRunRecord {
  return { runId, nodeId, nodeType: 'assert', status, cacheHit: status === 'cached', reason: null, fingerprint: null, startedAt: '', endedAt: null, durationMs: 5, rows: 3, columns: 2, error: null, attempt };
}
function details(r: RunRecord, nodes: NodeRunRecord[]): RunDetailsResponse {
  return {
    run: r,
    nodes,
    quality: [
      { runId: r.id, nodeId: 'checks', check: 'not_null', column: "O'Brien", passed: false, detail: '2 rows are null', failingRows: 2, examples: [null], value: null },
      { runId: r.id, nodeId: 'other', check: 'unique', column: 'id', passed: true, detail: 'ok', failingRows: 0, examples: null, value: null },
    ],
    logs: [
      { id: 1, runId: r.id, nodeId: 'checks', time: '', level: 'warn', message: '1 check failed' },
      { id: 2, runId: r.id, nodeId: null, time: '', level: 'info', message: 'run started' },
    ],
    metrics: [],
  };
}

describe("a node's log from the run history", () => {
  it('sorts runs newest first', () => {
    expect(runsNewestFirst([run('a', '2026-01-01T00:00:00.000Z'), run('b', '2026-02-01T00:00:00.000Z')]).map((r) => r.id)).toEqual(['b', 'a']);
  });

  it("keeps only the node's logs and quality results, and its last attempt", () => {
    const r = run('r1', '2026-01-01T00:00:00.000Z');
    const log = nodeLogFrom(details(r, [nodeRun('r1', 'checks', 'failed', 1), nodeRun('r1', 'checks', 'done', 2)]), 'checks');
    expect(log?.node.attempt).toBe(2);
    expect(log?.logs.map((l) => l.message)).toEqual(['1 check failed']);
    expect(log?.quality.map((q) => q.check)).toEqual(['not_null']);
    expect(nodeLogFrom(details(r, [nodeRun('r1', 'other', 'done')]), 'checks')).toBeNull();
  });

  it('skips runs without the node and, when it was cached in the latest, finds the run where it really ran', async () => {
    const runs = [run('old', '2026-01-01T00:00:00.000Z'), run('mid', '2026-01-02T00:00:00.000Z'), run('new', '2026-01-03T00:00:00.000Z'), run('none', '2026-01-04T00:00:00.000Z')];
    const byId: Record<string, RunDetailsResponse> = {
      none: details(runs[3]!, [nodeRun('none', 'other', 'done')]),
      new: details(runs[2]!, [nodeRun('new', 'checks', 'cached')]),
      mid: details(runs[1]!, [nodeRun('mid', 'checks', 'done')]),
      old: details(runs[0]!, [nodeRun('old', 'checks', 'done')]),
    };
    const asked: string[] = [];
    const found = await findNodeLog(runs, 'checks', async (id) => (asked.push(id), byId[id]!));
    expect(found.latest?.run.id).toBe('new');
    expect(found.ran?.run.id).toBe('mid');
    expect(asked).toEqual(['none', 'new', 'mid']);
  });

  it('finds nothing for a node that never ran', async () => {
    expect(await findNodeLog([], 'checks', () => Promise.reject(new Error('not called')))).toEqual({ latest: null, ran: null });
  });
});
