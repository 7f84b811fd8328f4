import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineClient } from '../api/client';
import type { AutosaveResponse, ValidateResponse } from '../../../engine/contract/api';
import type { PipelineDocument } from '../../../engine/pipeline/document';
import { createMillraceStore } from './create-store';
import { newNodeChange } from './document-changes';
import { attachSideEffects } from './side-effects';
import { sampleDocument } from './test-documents';

/** A client that records what the store asked of the engine and answers validate from a function. */
function recordingClient(answer: (doc: PipelineDocument) => ValidateResponse | Promise<ValidateResponse>) {
  const calls = { validate: [] as PipelineDocument[], autosave: [] as [string, PipelineDocument | null][] };
  const client = {
    validate: async (document: PipelineDocument) => {
      calls.validate.push(document);
      return answer(document);
    },
    autosave: async (key: string, document: PipelineDocument | null): Promise<AutosaveResponse> => {
      calls.autosave.push([key, document]);
      return { key, document, savedAt: null };
    },
    subscribe: () => () => {},
  } as unknown as EngineClient;
  return { client, calls };
}

describe('the pipeline store', () => {
  it('every edit is one undo step; undo and redo restore documents and dirtiness', () => {
    const store = createMillraceStore();
    const s = () => store.getState();
    s().load(sampleDocument(), { path: 'sample.yaml' });
    expect(s().isDirty()).toBe(false);
    s().apply(newNodeChange(s().document, 'filter', { x: 0, y: 0 }));
    s().apply({ kind: 'connect', from: { node: 'clean', port: 'out' }, to: { node: 'filter_1', port: 'in' } });
    expect(s().isDirty()).toBe(true);
    s().undo();
    expect(s().document.nodes.find((n) => n.id === 'filter_1')?.inputs).toEqual({});
    s().undo();
    expect(s().document.nodes.some((n) => n.id === 'filter_1')).toBe(false);
    expect(s().isDirty()).toBe(false);
    s().redo();
    s().redo();
    expect(s().document.nodes.find((n) => n.id === 'filter_1')?.inputs).toEqual({ in: 'clean' });
    expect(s().canRedo()).toBe(false);
  });

  it('a drag is one undo step however many moves it makes', () => {
    const store = createMillraceStore();
    const s = () => store.getState();
    s().load(sampleDocument());
    for (let x = 0; x < 30; x++) s().apply({ kind: 'move-nodes', positions: { read: { x, y: 0 } } }, { coalesceKey: 'drag-1' });
    expect(s().document.layout?.read).toEqual({ x: 29, y: 0 });
    s().undo();
    expect(s().document.layout?.read).toEqual({ x: 0, y: 0 });
    expect(s().canUndo()).toBe(false);
  });

  it('removing or renaming a selected node updates the selection and keeps its run status', () => {
    const store = createMillraceStore();
    const s = () => store.getState();
    s().load(sampleDocument());
    s().select(['parts', 'clean']);
    s().runRequested();
    s().runStarted('r1');
    s().applyEvent({ type: 'node-status', runId: 'r1', node: { nodeId: 'parts', nodeType: 'split', status: 'done', reason: '', rows: 3 } });
    s().apply({ kind: 'rename-node', from: 'parts', to: 'halves' });
    expect(s().selectedNodes).toEqual(['halves', 'clean']);
    expect(s().run.nodes.halves?.rows).toBe(3);
    s().apply({ kind: 'remove', nodes: ['clean'], edges: [] });
    expect(s().selectedNodes).toEqual(['halves']);
  });

  it('loading another pipeline forgets the history, selection and run statuses', () => {
    const store = createMillraceStore();
    const s = () => store.getState();
    s().load(sampleDocument());
    s().apply({ kind: 'set-info', name: 'changed' });
    s().select(['read']);
    s().load({ millrace: 1, name: 'other', nodes: [] }, { path: 'other.yaml' });
    expect([s().canUndo(), s().selectedNodes, s().run.nodes, s().path]).toEqual([false, [], {}, 'other.yaml']);
  });
});

describe('side effects', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('validates once after a burst of edits and stores the issues and ports of the latest document', async () => {
    const { client, calls } = recordingClient((doc) => ({
      issues: doc.nodes.filter((n) => n.type === 'filter').map((n) => ({ code: 'MISSING_PARAM', severity: 'error' as const, message: 'condition is required', nodeId: n.id })),
      ports: {},
    }));
    const store = createMillraceStore();
    const detach = attachSideEffects(store, client, { validateMs: 200, events: false });
    const s = () => store.getState();
    s().load(sampleDocument(), { path: 'sample.yaml' });
    s().apply(newNodeChange(s().document, 'filter', { x: 0, y: 0 }));
    s().apply(newNodeChange(s().document, 'filter', { x: 0, y: 0 }));
    await vi.advanceTimersByTimeAsync(250);
    expect(calls.validate).toHaveLength(1);
    expect(s().validation.document).toBe(s().document);
    expect(s().validation.issues.map((i) => i.nodeId)).toEqual(['filter_1', 'filter_2']);
    detach();
  });

  it('an older validation answer that arrives late does not overwrite a newer one', async () => {
    let release: (() => void) | undefined;
    const { client } = recordingClient((doc) =>
      doc.nodes.length === 6
        ? new Promise((resolve) => {
            release = () => resolve({ issues: [{ code: 'OLD', severity: 'error', message: 'old' }], ports: {} });
          })
        : { issues: [], ports: {} },
    );
    const store = createMillraceStore();
    attachSideEffects(store, client, { validateMs: 10, events: false });
    const s = () => store.getState();
    s().load(sampleDocument());
    s().apply(newNodeChange(s().document, 'filter', { x: 0, y: 0 }));
    await vi.advanceTimersByTimeAsync(20);
    s().apply({ kind: 'remove', nodes: ['filter_1'], edges: [] });
    await vi.advanceTimersByTimeAsync(20);
    release?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(s().validation.issues).toEqual([]);
    expect(s().validation.document).toBe(s().document);
  });

  it('autosaves unsaved edits after a quiet second, under the pipeline path, and not a clean document', async () => {
    const { client, calls } = recordingClient(() => ({ issues: [], ports: {} }));
    const store = createMillraceStore();
    attachSideEffects(store, client, { autosaveMs: 1000, events: false });
    const s = () => store.getState();
    s().load(sampleDocument(), { path: 'examples/sample.yaml' });
    await vi.advanceTimersByTimeAsync(1500);
    expect(calls.autosave).toEqual([]);
    s().apply({ kind: 'set-params', node: 'clean', params: { columns: ['Sex'] } });
    await vi.advanceTimersByTimeAsync(500);
    s().apply({ kind: 'set-params', node: 'clean', params: { columns: ['Sex', 'Island'] } });
    await vi.advanceTimersByTimeAsync(999);
    expect(calls.autosave).toEqual([]);
    await vi.advanceTimersByTimeAsync(10);
    expect(calls.autosave).toHaveLength(1);
    expect(calls.autosave[0]?.[0]).toBe('examples/sample.yaml');
    expect(calls.autosave[0]?.[1]?.nodes[1]?.params).toEqual({ columns: ['Sex', 'Island'] });
  });

  it('undoing back to the saved document does not autosave it', async () => {
    const { client, calls } = recordingClient(() => ({ issues: [], ports: {} }));
    const store = createMillraceStore();
    attachSideEffects(store, client, { autosaveMs: 100, events: false });
    const s = () => store.getState();
    s().load(sampleDocument(), { path: 'a.yaml' });
    s().apply({ kind: 'set-info', name: 'renamed' });
    s().undo();
    await vi.advanceTimersByTimeAsync(200);
    expect(calls.autosave).toEqual([]);
  });
});
