import os from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../nodes/node-definition.js';
import { RunStore } from './run-store.js';
import { tempFolder, type TempFolder } from './test-support/store-files.js';

const isoTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('RunStore runs and node runs', () => {
  let folder: TempFolder;
  let store: RunStore;
  beforeEach(() => {
    folder = tempFolder();
    store = RunStore.open(folder.file());
  });
  afterEach(() => {
    store.close();
    folder.remove();
  });

  it('records a started run with this process, host and target, as running', () => {
    const runId = store.startRun({ pipelineName: `O'Brien "birds" run`, file: 'my pipelines/birds (v2).yaml', target: 'Beak Length (mm)' });
    const run = store.getRun(runId)?.run;
    expect(run).toMatchObject({
      id: runId,
      pipelineName: `O'Brien "birds" run`,
      pipelineFile: 'my pipelines/birds (v2).yaml',
      targetNode: 'Beak Length (mm)',
      status: 'running',
      endedAt: null,
      error: null,
      pid: process.pid,
      host: os.hostname(),
    });
    expect(run?.startedAt).toMatch(isoTime);
  });

  it('uses the run id the engine gives, or makes a new UUID', () => {
    const given = store.startRun({ id: 'engine-run-7', pipelineName: 'p', file: 'p.yaml' });
    expect(given).toBe('engine-run-7');
    expect(store.getRun('engine-run-7')?.run.status).toBe('running');
    expect(store.startRun({ pipelineName: 'p', file: 'p.yaml' })).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('finishes a run with its status and error, once', () => {
    const runId = store.startRun({ pipelineName: 'p', file: 'p.yaml' });
    store.finishRun(runId, 'failed', 'Node "load": file penguins.csv not found.');
    const run = store.getRun(runId)?.run;
    expect(run).toMatchObject({ status: 'failed', error: 'Node "load": file penguins.csv not found.' });
    expect(run?.endedAt).toMatch(isoTime);
    expect(() => store.finishRun(runId, 'succeeded')).toThrow(/already ended \(failed\)/);
    expect(() => store.finishRun('no-such-run', 'succeeded')).toThrow(/not in the run history/);
    // A caller that escapes the types still cannot "finish" a run as running.
    const other = store.startRun({ pipelineName: 'p', file: 'p.yaml' });
    expect(() => store.finishRun(other, 'running' as 'succeeded')).toThrow(/final status/);
  });

  it('records a node from start to finish with its reason, fingerprint, shape and timing', () => {
    const runId = store.startRun({ pipelineName: 'p', file: 'p.yaml' });
    store.startNode(runId, { nodeId: 'clean up', nodeType: 'filter', fingerprint: 'abc123', reason: 'params changed' });
    expect(store.getRun(runId)?.nodes[0]).toMatchObject({ status: 'running', endedAt: null, attempt: 1 });
    store.finishNode(runId, 'clean up', { status: 'done', cacheHit: false, durationMs: 12.5, rows: 9_007_199_254_740_991, columns: 7 });
    const [node] = store.getRun(runId)!.nodes;
    expect(node).toMatchObject({
      runId,
      nodeId: 'clean up',
      nodeType: 'filter',
      status: 'done',
      cacheHit: false,
      reason: 'params changed',
      fingerprint: 'abc123',
      durationMs: 12.5,
      rows: 9_007_199_254_740_991,
      columns: 7,
      error: null,
      attempt: 1,
    });
    expect(node?.startedAt).toMatch(isoTime);
    expect(node?.endedAt).toMatch(isoTime);
  });

  it('refuses to finish a node that never started, saying what to call', () => {
    const runId = store.startRun({ pipelineName: 'p', file: 'p.yaml' });
    expect(() => store.finishNode(runId, 'load', { status: 'done', cacheHit: false, durationMs: 1 })).toThrow(
      /has not started.*call startNode first/,
    );
    expect(() => store.startNode('no-such-run', { nodeId: 'a', nodeType: 'filter', fingerprint: null, reason: null })).toThrow(
      /not in the run history/,
    );
  });

  it('records cached and skipped nodes in bulk, and fills a pending node when it starts', () => {
    const runId = store.startRun({ pipelineName: 'p', file: 'p.yaml' });
    store.recordNodes(runId, [
      { nodeId: 'load', nodeType: 'read_csv', status: 'cached', fingerprint: 'f1', reason: 'unchanged', rows: 344, columns: 8 },
      { nodeId: 'train', nodeType: 'train', status: 'pending' },
      { nodeId: 'report', nodeType: 'write_csv', status: 'skipped', reason: 'upstream node "train" failed' },
    ]);
    store.startNode(runId, { nodeId: 'train', nodeType: 'train', fingerprint: 'f2', reason: 'no cached output' });
    const nodes = store.getRun(runId)!.nodes;
    expect(nodes.map((n) => [n.nodeId, n.status, n.cacheHit, n.attempt])).toEqual(
      expect.arrayContaining([
        ['load', 'cached', true, 1],
        ['train', 'running', false, 1],
        ['report', 'skipped', false, 1],
      ]),
    );
    expect(nodes).toHaveLength(3);
    expect(nodes.find((n) => n.nodeId === 'load')).toMatchObject({ rows: 344, columns: 8, reason: 'unchanged', durationMs: 0 });
    expect(store.getRun(runId)?.run.counts).toMatchObject({ total: 3, cached: 1, running: 1, skipped: 1, done: 0 });
  });

  it('keeps each retry as its own attempt and counts a node by its latest attempt', () => {
    const runId = store.startRun({ pipelineName: 'p', file: 'p.yaml' });
    const start = { nodeId: 'fetch', nodeType: 'read_csv', fingerprint: 'f', reason: 'no cached output' };
    store.startNode(runId, start);
    store.finishNode(runId, 'fetch', { status: 'failed', cacheHit: false, durationMs: 3, error: 'timed out' });
    store.startNode(runId, start);
    store.finishNode(runId, 'fetch', { status: 'done', cacheHit: false, durationMs: 4, rows: 10 });
    const nodes = store.getRun(runId)!.nodes;
    expect(nodes.map((n) => [n.attempt, n.status, n.error])).toEqual([
      [1, 'failed', 'timed out'],
      [2, 'done', null],
    ]);
    expect(store.getRun(runId)?.run.counts).toMatchObject({ total: 1, done: 1, failed: 0 });
  });

  it('cancels nodes still pending or running when their run ends', () => {
    const runId = store.startRun({ pipelineName: 'p', file: 'p.yaml' });
    store.recordNodes(runId, [{ nodeId: 'later', nodeType: 'write_csv', status: 'pending' }]);
    store.startNode(runId, { nodeId: 'now', nodeType: 'train', fingerprint: null, reason: null });
    store.finishRun(runId, 'cancelled');
    const nodes = store.getRun(runId)!.nodes;
    expect(nodes.map((n) => n.status)).toEqual(['cancelled', 'cancelled']);
    expect(nodes.every((n) => n.endedAt !== null)).toBe(true);
  });

  it('lists runs newest first, limited, and filtered by pipeline file, with node counts', () => {
    const a1 = store.startRun({ pipelineName: 'a', file: 'a.yaml' });
    store.recordNodes(a1, [{ nodeId: 'x', nodeType: 'filter', status: 'cached' }]);
    const b1 = store.startRun({ pipelineName: 'b', file: 'b.yaml' });
    const a2 = store.startRun({ pipelineName: 'a', file: 'a.yaml' });
    expect(store.listRuns().map((r) => r.id)).toEqual([a2, b1, a1]);
    expect(store.listRuns({ limit: 2 }).map((r) => r.id)).toEqual([a2, b1]);
    const forA = store.listRuns({ pipelineFile: 'a.yaml' });
    expect(forA.map((r) => r.id)).toEqual([a2, a1]);
    expect(forA.map((r) => r.counts.total)).toEqual([0, 1]);
    expect(store.listRuns({ pipelineFile: 'missing.yaml' })).toEqual([]);
  });

  it('answers undefined for a run it does not have', () => {
    expect(store.getRun('00000000-0000-0000-0000-000000000000')).toBeUndefined();
  });

  it("finds a node's latest run for a pipeline file, ignoring other files and nodes not yet started", () => {
    const first = store.startRun({ pipelineName: 'a', file: 'a.yaml' });
    store.startNode(first, { nodeId: 'load', nodeType: 'read_csv', fingerprint: 'old', reason: 'no cached output' });
    store.finishNode(first, 'load', { status: 'done', cacheHit: false, durationMs: 5 });
    store.finishRun(first, 'succeeded');
    const second = store.startRun({ pipelineName: 'a', file: 'a.yaml' });
    store.recordNodes(second, [{ nodeId: 'load', nodeType: 'read_csv', status: 'cached', fingerprint: 'old', reason: 'unchanged' }]);
    const third = store.startRun({ pipelineName: 'a', file: 'a.yaml' });
    store.recordNodes(third, [{ nodeId: 'load', nodeType: 'read_csv', status: 'pending' }]);
    const elsewhere = store.startRun({ pipelineName: 'b', file: 'b.yaml' });
    store.startNode(elsewhere, { nodeId: 'load', nodeType: 'read_csv', fingerprint: 'b', reason: 'input changed' });

    expect(store.latestNodeRun('a.yaml', 'load')).toMatchObject({ runId: second, status: 'cached', cacheHit: true });
    expect(store.latestNodeRun('b.yaml', 'load')).toMatchObject({ runId: elsewhere, status: 'running' });
    expect(store.latestNodeRun('a.yaml', 'nope')).toBeUndefined();
  });

  it('keeps data-quality results with awkward columns, examples and huge values', () => {
    const runId = store.startRun({ pipelineName: 'p', file: 'p.yaml' });
    const results: CheckResult[] = [
      { check: 'not_null', column: 'Beak Length (mm)', passed: false, detail: '3 rows are NULL', failingRows: 3, examples: [null, null] },
      { check: 'in_set', column: `say "hi"`, passed: false, detail: '1 row not in set', failingRows: 1, examples: [`O'Brien`, '170141183460469231731687303715884105727', { nested: [1, true] }] },
      { check: 'row_count', passed: true, detail: '344 rows', value: 344 },
    ];
    store.recordQuality(runId, 'checks', results);
    const quality = store.getRun(runId)!.quality;
    expect(quality).toEqual([
      { runId, nodeId: 'checks', check: 'not_null', column: 'Beak Length (mm)', passed: false, detail: '3 rows are NULL', failingRows: 3, examples: [null, null], value: null },
      { runId, nodeId: 'checks', check: 'in_set', column: `say "hi"`, passed: false, detail: '1 row not in set', failingRows: 1, examples: [`O'Brien`, '170141183460469231731687303715884105727', { nested: [1, true] }], value: null },
      { runId, nodeId: 'checks', check: 'row_count', column: null, passed: true, detail: '344 rows', failingRows: null, examples: null, value: 344 },
    ]);
  });
});
