import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineClient } from '../api/client';
import type { StoredNodeResult, StoredResultsResponse } from '../../../engine/contract/api';
import type { PipelineDocument } from '../../../engine/pipeline/document';
import { createMillraceStore } from './create-store';
import { initialRunState, requestRun, type RunState } from './run-state';
import { nodeSignatures } from './run-signatures';
import { displayPhase, signaturesFor } from './selectors';
import { attachSideEffects } from './side-effects';
import { FUSED_REASON, KEPT_REASON, mergeStoredResults } from './stored-results';
import { sampleDocument } from './test-documents';

const KEPT: Record<string, StoredNodeResult> = {
  read: { status: 'cached', rows: 344, columns: 8 },
  parts: { status: 'cached', rows: 275, columns: 8, outputRows: { train: 275, test: 69 } },
};

describe('merging results kept from earlier runs', () => {
  it('nodes with no status take their kept result, signed with their signature', () => {
    const signatures = nodeSignatures(sampleDocument());
    const run = mergeStoredResults(initialRunState, KEPT, signatures);
    expect(run.nodes).toEqual({
      read: { phase: 'cached', rows: 344, columns: 8, outputRows: undefined, error: undefined, fusedInto: undefined, reason: KEPT_REASON, signature: signatures.read },
      parts: { phase: 'cached', rows: 275, columns: 8, outputRows: { train: 275, test: 69 }, error: undefined, fusedInto: undefined, reason: KEPT_REASON, signature: signatures.parts },
    });
  });

  it('a step computed within a kept step shows within it, as after the run', () => {
    const run = mergeStoredResults(initialRunState, { read: { status: 'cached', fusedInto: 'parts' } }, nodeSignatures(sampleDocument()));
    expect(run.nodes.read).toMatchObject({ phase: 'cached', fusedInto: 'parts', reason: FUSED_REASON });
    expect(run.nodes.read?.rows).toBeUndefined();
  });

  it('a kept check that stops a run shows as failed, with its error', () => {
    const run = mergeStoredResults(initialRunState, { clean: { status: 'failed', rows: 3, columns: 2, failedChecks: 1, error: '1 data-quality check(s) failed' } }, nodeSignatures(sampleDocument()));
    expect(run.nodes.clean).toMatchObject({ phase: 'failed', rows: 3, error: '1 data-quality check(s) failed', reason: KEPT_REASON });
  });

  it('never overwrites a status other than idle; an idle node is filled', () => {
    const before: RunState = {
      ...initialRunState,
      nodes: { read: { phase: 'done', rows: 1, reason: 'not run before', signature: 'old' }, parts: { phase: 'idle' } },
    };
    const run = mergeStoredResults(before, KEPT, nodeSignatures(sampleDocument()));
    expect(run.nodes.read).toBe(before.nodes.read);
    expect(run.nodes.parts?.phase).toBe('cached');
  });

  it('changes nothing while a run is going or being requested', () => {
    const signatures = nodeSignatures(sampleDocument());
    const requesting = requestRun(initialRunState);
    expect(mergeStoredResults(requesting, KEPT, signatures)).toBe(requesting);
    const running: RunState = { ...initialRunState, runId: 'r1', running: true };
    expect(mergeStoredResults(running, KEPT, signatures)).toBe(running);
  });

  it('ignores nodes that are not in the document asked about, and returns the same state when nothing is new', () => {
    const run = mergeStoredResults(initialRunState, { gone: { status: 'cached', rows: 1 } }, nodeSignatures(sampleDocument()));
    expect(run).toBe(initialRunState);
  });

  it('a kept result goes stale when its node or something upstream is edited, as after a run', () => {
    const store = createMillraceStore();
    const s = () => store.getState();
    s().load(sampleDocument(), { path: 'sample.yaml' });
    s().showStoredResults({ ...KEPT, scaled_test: { status: 'cached', rows: 69, columns: 8 } }, signaturesFor(s().document));
    expect(['read', 'parts', 'scaled_test', 'clean'].map((id) => displayPhase(s(), id))).toEqual(['cached', 'cached', 'cached', 'idle']);
    s().apply({ kind: 'set-params', node: 'parts', params: { fractions: { train: 0.5, test: 0.5 } } });
    expect(['read', 'parts', 'scaled_test'].map((id) => displayPhase(s(), id))).toEqual(['cached', 'stale', 'stale']);
  });
});

/** A client that answers storedResults when the test says so, recording what it was asked. */
function answeringClient() {
  const asked: { document: PipelineDocument; path?: string; signal?: AbortSignal; answer: (nodes: Record<string, StoredNodeResult>) => void }[] = [];
  const client = {
    validate: async () => ({ issues: [], ports: {} }),
    autosave: async () => ({ key: '', document: null, savedAt: null }),
    storedResults: (document: PipelineDocument, path?: string, signal?: AbortSignal) =>
      new Promise<StoredResultsResponse>((resolve) => asked.push({ document, path, signal, answer: (nodes) => resolve({ nodes }) })),
    subscribe: () => () => {},
  } as unknown as EngineClient;
  return { client, asked };
}

/** A store with its side effects, the sample pipeline loaded, and the engine asked (not yet answered). */
async function sampleAsked() {
  const { client, asked } = answeringClient();
  const store = createMillraceStore();
  attachSideEffects(store, client, { storedResultsMs: 10, events: false });
  const s = () => store.getState();
  s().load(sampleDocument(), { path: 'sample.yaml' });
  await vi.advanceTimersByTimeAsync(20);
  return { asked, s };
}

describe('asking for kept results when a pipeline opens', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks once for the last of several quick loads, and shows its answer', async () => {
    const { client, asked } = answeringClient();
    const store = createMillraceStore();
    const detach = attachSideEffects(store, client, { storedResultsMs: 100, events: false });
    const s = () => store.getState();
    s().load({ millrace: 1, name: 'other', nodes: [{ id: 'x', type: 'filter', inputs: {}, params: {} }] }, { path: 'other.yaml' });
    await vi.advanceTimersByTimeAsync(50);
    s().load(sampleDocument(), { path: 'sample.yaml' });
    await vi.advanceTimersByTimeAsync(150);
    expect(asked.map((a) => a.path)).toEqual(['sample.yaml']);
    expect(asked[0]?.document).toBe(s().document);
    asked[0]?.answer(KEPT);
    await vi.advanceTimersByTimeAsync(0);
    expect(s().run.nodes.read).toMatchObject({ phase: 'cached', rows: 344, reason: KEPT_REASON });
    detach();
  });

  it('an answer that comes after another load is dropped, and that request is cancelled', async () => {
    const { asked, s } = await sampleAsked();
    s().load(sampleDocument(), { path: 'copy.yaml' });
    expect(asked[0]?.signal?.aborted).toBe(true);
    asked[0]?.answer(KEPT);
    await vi.advanceTimersByTimeAsync(0);
    expect(s().run.nodes).toEqual({});
    await vi.advanceTimersByTimeAsync(20);
    expect(asked.map((a) => a.path)).toEqual(['sample.yaml', 'copy.yaml']);
  });

  it('an answer that comes once a run was requested changes nothing; a restored autosave asks again', async () => {
    const { asked, s } = await sampleAsked();
    s().runRequested();
    asked[0]?.answer(KEPT);
    await vi.advanceTimersByTimeAsync(0);
    expect(s().run.nodes).toEqual({});

    s().runRequestFailed('refused');
    s().apply({ kind: 'replace', document: { ...sampleDocument(), name: 'restored' } });
    await vi.advanceTimersByTimeAsync(20);
    expect(asked).toHaveLength(2);
    asked[1]?.answer(KEPT);
    await vi.advanceTimersByTimeAsync(0);
    expect(s().run.nodes.parts?.phase).toBe('cached');
  });
});
