import { describe, expect, it } from 'vitest';
import type { EngineEvent, NodeRunSummary } from '../../../engine/contract/events';
import { applyChange } from './document-changes';
import { applyRunEvent, displayStatuses, initialRunState, requestRun, startRun, type RunState } from './run-state';
import { nodeSignatures, stableJson } from './run-signatures';
import { sampleDocument } from './test-documents';

const status = (runId: string, node: Partial<NodeRunSummary> & { nodeId: string }): EngineEvent => ({
  type: 'node-status',
  runId,
  node: { nodeType: 'filter', status: 'done', reason: 'not run before', ...node },
});

const finished = (runId: string, status: 'succeeded' | 'failed' | 'cancelled' = 'succeeded'): EngineEvent => ({
  type: 'run-finished',
  summary: { runId, status, startedAt: '2026-01-01T00:00:00Z', durationMs: 1200, nodes: [] },
});

const fold = (state: RunState, events: EngineEvent[]) => events.reduce(applyRunEvent, state);

describe('run status from engine events', () => {
  it('follows a node through queued, running with progress, and done with rows × columns', () => {
    const doc = sampleDocument();
    let s = startRun(requestRun(initialRunState), 'r1', nodeSignatures(doc));
    s = fold(s, [
      { type: 'run-started', runId: 'r1', pipeline: 'sample', nodes: [{ nodeId: 'read', nodeType: 'read_csv', fingerprint: 'f' }] },
    ]);
    expect(s.nodes.read?.phase).toBe('queued');
    s = fold(s, [status('r1', { nodeId: 'read', status: 'running' }), { type: 'node-progress', runId: 'r1', nodeId: 'read', percentage: 42.5 }]);
    expect([s.nodes.read?.phase, s.nodes.read?.progress]).toEqual(['running', 42.5]);
    s = fold(s, [status('r1', { nodeId: 'read', status: 'done', rows: 344, columns: 8 }), finished('r1')]);
    expect(s.nodes.read).toMatchObject({ phase: 'done', rows: 344, columns: 8 });
    expect(s.nodes.read?.progress).toBeUndefined();
    expect([s.running, s.version, s.lastOutcome?.status]).toEqual([false, 1, 'succeeded']);
  });

  it('keeps the failure message, and nodes still queued when the run ends go back to idle', () => {
    let s = startRun(requestRun(initialRunState), 'r1', {});
    s = fold(s, [
      { type: 'run-started', runId: 'r1', pipeline: 'p', nodes: [{ nodeId: 'a', nodeType: 'filter', fingerprint: '1' }, { nodeId: 'b', nodeType: 'filter', fingerprint: '2' }] },
      status('r1', { nodeId: 'a', status: 'failed', error: 'Column "bill_len" does not exist.\nAvailable columns: a, b.' }),
      finished('r1', 'failed'),
    ]);
    expect(s.nodes.a).toMatchObject({ phase: 'failed', error: 'Column "bill_len" does not exist.\nAvailable columns: a, b.' });
    expect(s.nodes.b?.phase).toBe('idle');
  });

  it('events that arrive before the run request answers are replayed; other runs are ignored', () => {
    let s = requestRun(initialRunState);
    s = fold(s, [status('mine', { nodeId: 'a', status: 'running' }), status('theirs', { nodeId: 'b', status: 'running' })]);
    s = startRun(s, 'mine', {});
    expect(s.nodes.a?.phase).toBe('running');
    expect(s.nodes.b).toBeUndefined();
    s = applyRunEvent(s, status('theirs', { nodeId: 'b', status: 'done' }));
    expect(s.nodes.b).toBeUndefined();
    expect(s.held).toEqual([]);
  });

  it('a skipped node keeps its earlier result', () => {
    let s = startRun(requestRun(initialRunState), 'r1', { a: 'sig' });
    s = fold(s, [status('r1', { nodeId: 'a', status: 'done', rows: 5, columns: 2 }), finished('r1')]);
    s = startRun(requestRun(s), 'r2', { a: 'sig' });
    s = fold(s, [status('r2', { nodeId: 'a', status: 'skipped', reason: 'upstream failed' })]);
    expect(s.nodes.a).toMatchObject({ phase: 'done', rows: 5 });
  });
});

describe('stale results', () => {
  function ranAll() {
    const doc = sampleDocument();
    let s = startRun(requestRun(initialRunState), 'r1', nodeSignatures(doc));
    s = fold(s, [...doc.nodes.map((n) => status('r1', { nodeId: n.id, status: 'done', rows: 10, columns: 3 })), finished('r1')]);
    return { doc, s };
  }

  it('changing params makes that node and everything downstream stale, not what is upstream or beside it', () => {
    const { doc, s } = ranAll();
    const edited = applyChange(doc, { kind: 'set-params', node: 'parts', params: { fractions: { train: 0.7, test: 0.3 } } });
    const shown = displayStatuses(s.nodes, nodeSignatures(edited));
    expect(Object.fromEntries(Object.entries(shown).map(([id, v]) => [id, v.display]))).toEqual({
      read: 'done',
      clean: 'done',
      parts: 'stale',
      scaled_train: 'stale',
      scaled_test: 'stale',
    });
  });

  it('moving, labelling or renaming nodes does not make results stale, and undoing an edit makes them fresh again', () => {
    const { doc, s } = ranAll();
    const moved = applyChange(applyChange(doc, { kind: 'move-nodes', positions: { read: { x: 9, y: 9 } } }), { kind: 'set-label', node: 'clean', label: 'Clean' });
    expect(Object.values(displayStatuses(s.nodes, nodeSignatures(moved))).every((v) => v.display === 'done')).toBe(true);
    const renamed = applyChange(doc, { kind: 'rename-node', from: 'read', to: 'source' });
    expect(nodeSignatures(renamed).clean).toBe(nodeSignatures(doc).clean);
    const edited = applyChange(doc, { kind: 'set-params', node: 'read', params: { path: 'other.csv' } });
    expect(displayStatuses(s.nodes, nodeSignatures(edited)).clean?.display).toBe('stale');
    expect(displayStatuses(s.nodes, nodeSignatures(doc)).clean?.display).toBe('done');
  });

  it('signatures ignore key order and survive a cycle', () => {
    expect(stableJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(stableJson({ a: [{ c: 3, d: 2 }], b: 1 }));
    const cyclic = { millrace: 1 as const, name: 'c', nodes: [
      { id: 'a', type: 'filter', inputs: { in: 'b' }, params: {} },
      { id: 'b', type: 'filter', inputs: { in: 'a' }, params: {} },
    ] };
    const sigs = nodeSignatures(cyclic);
    expect(Object.keys(sigs).sort()).toEqual(['a', 'b']);
  });

  it('a long chain does not overflow the stack', () => {
    const nodes = Array.from({ length: 20_000 }, (_, i) => ({ id: `n${i}`, type: 'filter', inputs: (i === 0 ? {} : { in: `n${i - 1}` }) as Record<string, string>, params: {} }));
    const sigs = nodeSignatures({ millrace: 1, name: 'long', nodes: nodes.reverse() });
    expect(Object.keys(sigs)).toHaveLength(20_000);
  });
});
