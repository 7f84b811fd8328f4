import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { processMarker } from './process-identity.js';
import { INTERRUPTED_ERROR } from './recover-interrupted.js';
import { RunStore } from './run-store.js';
import { exited, firstLine, startFixture, tempFolder, type TempFolder } from './test-support/store-files.js';

describe('RunStore crash recovery', () => {
  let folder: TempFolder;
  beforeEach(() => {
    folder = tempFolder();
  });
  afterEach(() => folder.remove());

  /** Change a run as only another process or machine could have written it. */
  function forge(file: string, runId: string, set: string, ...values: (string | number)[]): void {
    const db = new BetterSqlite3(file);
    db.prepare(`UPDATE runs SET ${set} WHERE id = ?`).run(...values, runId);
    db.close();
  }

  it('leaves the run of a live process alone, and marks it interrupted once that process is killed', async () => {
    const file = folder.file();
    const child = startFixture('start-run-child.mjs', [file]);
    try {
      const { runId, pid } = JSON.parse(await firstLine(child)) as { runId: string; pid: number };

      const whileAlive = RunStore.open(file);
      expect(whileAlive.recoveredRuns).toEqual([]);
      expect(whileAlive.getRun(runId)?.run).toMatchObject({ status: 'running', pid, endedAt: null });
      whileAlive.close();

      child.kill('SIGKILL');
      expect(await exited(child)).toMatchObject({ signal: 'SIGKILL' });

      const afterCrash = RunStore.open(file);
      expect(afterCrash.recoveredRuns).toEqual([runId]);
      const details = afterCrash.getRun(runId);
      expect(details?.run).toMatchObject({ status: 'interrupted', error: INTERRUPTED_ERROR });
      expect(details?.run.endedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(details?.nodes.map((n) => [n.nodeId, n.status])).toEqual(
        expect.arrayContaining([
          ['load', 'cancelled'],
          ['report', 'cancelled'],
        ]),
      );
      expect(details?.run.counts).toMatchObject({ total: 2, cancelled: 2, running: 0, pending: 0 });
      // What the process wrote before it died is kept.
      expect(afterCrash.getLogs(runId).map((l) => l.message)).toEqual(['reading penguins.csv']);
      afterCrash.close();

      // Recovery happens once; opening again finds nothing more to do.
      const again = RunStore.open(file);
      expect(again.recoveredRuns).toEqual([]);
      again.close();
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('does not interrupt the runs of another store open in this same live process', () => {
    const file = folder.file();
    const first = RunStore.open(file);
    const runId = first.startRun({ pipelineName: 'p', file: 'p.yaml' });
    const second = RunStore.open(file);
    expect(second.recoveredRuns).toEqual([]);
    expect(second.getRun(runId)?.run.status).toBe('running');
    first.finishRun(runId, 'succeeded');
    expect(second.getRun(runId)?.run.status).toBe('succeeded');
    first.close();
    second.close();
  });

  it.runIf(processMarker(process.pid) !== null)('treats a live pid that now belongs to a different process as gone', () => {
    const file = folder.file();
    const store = RunStore.open(file);
    const runId = store.startRun({ pipelineName: 'p', file: 'p.yaml' });
    store.close();
    // Same pid (this process is alive), but the recorded start marker is another process's.
    forge(file, runId, 'process_marker = ?', 'an-earlier-boot:12345');

    const reopened = RunStore.open(file);
    expect(reopened.recoveredRuns).toEqual([runId]);
    expect(reopened.getRun(runId)?.run.status).toBe('interrupted');
    reopened.close();
  });

  it('leaves alone a running run started on another machine, whose process it cannot see', () => {
    const file = folder.file();
    const store = RunStore.open(file);
    const runId = store.startRun({ pipelineName: 'p', file: 'p.yaml' });
    store.close();
    forge(file, runId, 'host = ?, pid = ?', 'another-machine', 2 ** 30);

    const reopened = RunStore.open(file);
    expect(reopened.recoveredRuns).toEqual([]);
    expect(reopened.getRun(runId)?.run.status).toBe('running');
    reopened.close();
  });

  it('does not touch runs that finished, whatever became of their process', () => {
    const file = folder.file();
    const store = RunStore.open(file);
    const runId = store.startRun({ pipelineName: 'p', file: 'p.yaml' });
    store.finishRun(runId, 'failed', 'Column "x" does not exist.');
    store.close();
    forge(file, runId, 'pid = ?', 2 ** 30);

    const reopened = RunStore.open(file);
    expect(reopened.getRun(runId)?.run).toMatchObject({ status: 'failed', error: 'Column "x" does not exist.' });
    reopened.close();
  });
});
