import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunStore } from './run-store.js';
import { exited, firstLine, startFixture, tempFolder, type TempFolder } from './test-support/store-files.js';

describe('RunStore with several writers on one file', () => {
  let folder: TempFolder;
  beforeEach(() => {
    folder = tempFolder();
  });
  afterEach(() => folder.remove());

  it('lets two stores in one process interleave writes and see each other’s', () => {
    const file = folder.file();
    const a = RunStore.open(file);
    const b = RunStore.open(file);
    const runs: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      const writer = i % 2 === 0 ? a : b;
      const runId = writer.startRun({ pipelineName: `run ${i}`, file: 'p.yaml' });
      writer.startNode(runId, { nodeId: 'n', nodeType: 'filter', fingerprint: null, reason: null });
      (i % 2 === 0 ? b : a).log(runId, 'n', 'info', `line ${i}`);
      writer.finishNode(runId, 'n', { status: 'done', cacheHit: false, durationMs: 1 });
      runs.push(runId);
    }
    a.flushLogs();
    b.flushLogs();
    expect(a.listRuns({ limit: 100 }).map((r) => r.id).sort()).toEqual([...runs].sort());
    expect(b.getLogs(runs[7]!).map((l) => l.message)).toEqual(['line 7']);
    a.close();
    b.close();
  });

  it('lets two processes write to a new file at the same time without a busy error', async () => {
    const file = folder.file();
    const runsEach = 150;
    // Both open a file that does not exist yet, so they also race to create the schema.
    const writers = ['left', 'right'].map((name) => startFixture('write-runs-child.mjs', [file, String(runsEach), name]));
    const lines = await Promise.all(writers.map(firstLine));
    const exits = await Promise.all(writers.map(exited));
    expect(lines).toEqual(['done', 'done']);
    expect(exits.map((e) => e.code)).toEqual([0, 0]);

    const store = RunStore.open(file);
    for (const name of ['left', 'right']) {
      const runs = store.listRuns({ pipelineFile: `${name}.yaml`, limit: 1000 });
      expect(runs).toHaveLength(runsEach);
      expect(runs.every((r) => r.status === 'succeeded' && r.counts.done === 1)).toBe(true);
      expect(store.getLogs(runs[0]!.id)).toHaveLength(10);
    }
    store.close();
  });
});
