import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogBuffer, type PendingLog } from './log-buffer.js';
import { RunStore } from './run-store.js';
import { tempFolder, type TempFolder } from './test-support/store-files.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RunStore logs', () => {
  let folder: TempFolder;
  let file: string;
  let store: RunStore;
  beforeEach(() => {
    folder = tempFolder();
    file = folder.file();
    store = RunStore.open(file);
  });
  afterEach(() => {
    store.close();
    folder.remove();
  });

  /** Log lines as another connection (the UI, another process) sees them on disk. */
  function linesOnDisk(): number {
    const db = new BetterSqlite3(file, { readonly: true });
    try {
      return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM logs').get()!.n;
    } finally {
      db.close();
    }
  }

  it('gives a run its log lines in order, all of them or one node’s', () => {
    const runId = store.startRun({ pipelineName: 'p', file: 'p.yaml' });
    store.log(runId, null, 'info', 'run started');
    store.log(runId, 'load', 'info', 'reading "penguins.csv"');
    store.log(runId, 'Beak Length (mm)', 'warn', `3 rows had NULL in "Beak Length (mm)"\nsecond line`);
    store.log(runId, 'load', 'error', 'file vanished');
    expect(store.getLogs(runId).map((l) => [l.nodeId, l.level, l.message])).toEqual([
      [null, 'info', 'run started'],
      ['load', 'info', 'reading "penguins.csv"'],
      ['Beak Length (mm)', 'warn', `3 rows had NULL in "Beak Length (mm)"\nsecond line`],
      ['load', 'error', 'file vanished'],
    ]);
    expect(store.getLogs(runId, 'load').map((l) => l.message)).toEqual(['reading "penguins.csv"', 'file vanished']);
    expect(store.getLogs(runId)[0]?.time).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
  });

  it('writes log lines in batches: within about 100 ms, not one transaction per line', async () => {
    const runId = store.startRun({ pipelineName: 'p', file: 'p.yaml' });
    for (let i = 0; i < 5; i += 1) store.log(runId, 'load', 'info', `line ${i}`);
    expect(linesOnDisk()).toBe(0);
    await sleep(250);
    expect(linesOnDisk()).toBe(5);
  });

  it('writes at once when 200 lines are waiting', () => {
    const runId = store.startRun({ pipelineName: 'p', file: 'p.yaml' });
    for (let i = 0; i < 199; i += 1) store.log(runId, null, 'info', `line ${i}`);
    expect(linesOnDisk()).toBe(0);
    store.log(runId, null, 'info', 'line 199');
    expect(linesOnDisk()).toBe(200);
  });

  it('writes waiting lines when the run finishes and when the store closes', () => {
    const runId = store.startRun({ pipelineName: 'p', file: 'p.yaml' });
    store.log(runId, null, 'info', 'before finish');
    store.finishRun(runId, 'succeeded');
    expect(linesOnDisk()).toBe(1);
    store.log(runId, null, 'info', 'after finish, before close');
    store.close();
    expect(linesOnDisk()).toBe(2);
    store = RunStore.open(file);
  });

  it('refuses a line for an unknown run or level at once, not in a later batch', () => {
    expect(() => store.log('no-such-run', null, 'info', 'x')).toThrow(/not in the run history/);
    const runId = store.startRun({ pipelineName: 'p', file: 'p.yaml' });
    expect(() => store.log(runId, null, 'debug' as 'info', 'x')).toThrow(/info, warn or error/);
  });
});

describe('LogBuffer', () => {
  const entry = (message: string): PendingLog => ({ runId: 'r', nodeId: null, time: 't', level: 'info', message });

  it('reports a write that failed on its timer at the next flush, instead of losing it silently', async () => {
    let fail = true;
    const written: string[] = [];
    const buffer = new LogBuffer(
      (entries) => {
        if (fail) throw new Error('disk full');
        written.push(...entries.map((e) => e.message));
      },
      { maxEntries: 10, maxDelayMs: 5 },
    );
    buffer.add(entry('lost'));
    await sleep(50);
    fail = false;
    buffer.add(entry('kept'));
    expect(() => buffer.flush()).toThrow(/Could not save 1 log lines to the run history: disk full/);
    expect(written).toEqual(['kept']);
    expect(() => buffer.flush()).not.toThrow();
  });
});
