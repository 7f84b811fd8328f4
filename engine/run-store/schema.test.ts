import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunStore } from './run-store.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import { tempFolder, type TempFolder } from './test-support/store-files.js';

describe('run store schema', () => {
  let folder: TempFolder;
  beforeEach(() => {
    folder = tempFolder();
  });
  afterEach(() => folder.remove());

  function inspect<T>(file: string, read: (db: BetterSqlite3.Database) => T): T {
    const db = new BetterSqlite3(file, { readonly: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  }

  it('creates every table on a new file, records the schema version and switches to WAL', () => {
    const file = folder.file();
    RunStore.open(file).close();
    const { tables, version, journal } = inspect(file, (db) => ({
      tables: db
        .prepare<[], { name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
        .all()
        .map((t) => t.name),
      version: db.pragma('user_version', { simple: true }),
      journal: db.pragma('journal_mode', { simple: true }),
    }));
    expect(tables).toEqual(['logs', 'models', 'node_runs', 'quality_results', 'runs', 'training_metrics']);
    expect(version).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(journal).toBe('wal');
  });

  it('keeps the history when an up-to-date file is opened again', () => {
    const file = folder.file();
    const first = RunStore.open(file);
    const runId = first.startRun({ pipelineName: 'penguins', file: 'penguins.yaml' });
    first.finishRun(runId, 'succeeded');
    first.close();
    const second = RunStore.open(file);
    expect(second.listRuns().map((r) => r.id)).toEqual([runId]);
    second.close();
  });

  it('refuses a file written by a newer Millrace, saying what to do', () => {
    const file = folder.file();
    RunStore.open(file).close();
    const db = new BetterSqlite3(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => RunStore.open(file)).toThrow(/newer version of Millrace.*Update Millrace/);
  });

  it('creates the folder of a store file that does not exist yet', () => {
    const file = path.join(folder.dir, 'project', '.millrace', 'runs.sqlite');
    const store = RunStore.open(file);
    expect(store.startRun({ pipelineName: 'p', file: 'p.yaml' })).toMatch(/^[0-9a-f-]{36}$/);
    store.close();
  });

  it('works in memory for tests', () => {
    const store = RunStore.open(':memory:');
    const runId = store.startRun({ pipelineName: 'p', file: 'p.yaml' });
    expect(store.getRun(runId)?.run.status).toBe('running');
    store.close();
  });

  it('enforces foreign keys: a node cannot be added to a run another process deleted', () => {
    const file = folder.file();
    const store = RunStore.open(file);
    const runId = store.startRun({ pipelineName: 'p', file: 'p.yaml' });
    const other = new BetterSqlite3(file);
    other.prepare('DELETE FROM runs WHERE id = ?').run(runId);
    other.close();
    expect(() =>
      store.startNode(runId, { nodeId: 'load', nodeType: 'read_csv', fingerprint: null, reason: null }),
    ).toThrow(/FOREIGN KEY/);
    store.close();
  });
});
