/**
 * For the engine's behaviour tests: a throwaway project folder with real data files and pipeline
 * YAML, an engine opened on it, and runs whose outcome is read back from the run store.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunSummary } from '../../contract/events.js';
import { Database } from '../../duckdb/database.js';
import { createEngine, type Engine } from '../../engine.js';
import type { ResolvedPipeline } from '../../pipeline/document.js';
import type { NodeRunRecord, RunDetails } from '../../run-store/types.js';

export interface Project {
  dir: string;
  /** Absolute path of a file in the project. */
  file(relative: string): string;
  /** Write a file (its folder is created). */
  write(relative: string, content: string): string;
  /** Move a file's modification time forward by `seconds`, content untouched. */
  touch(relative: string, seconds?: number): void;
  remove(): void;
}

export function tempProject(files: Record<string, string> = {}): Project {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'millrace-engine-'));
  const file = (relative: string) => path.join(dir, relative);
  const write = (relative: string, content: string) => {
    mkdirSync(path.dirname(file(relative)), { recursive: true });
    writeFileSync(file(relative), content);
    return file(relative);
  };
  for (const [name, content] of Object.entries(files)) write(name, content);
  return {
    dir,
    file,
    write,
    touch(relative, seconds = 10) {
      const later = new Date(Date.now() + seconds * 1000);
      utimesSync(file(relative), later, later);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A small engine: two DuckDB threads and a modest memory limit, like the CI machine. */
export function openEngine(project: Project): Promise<Engine> {
  return createEngine({ projectDir: project.dir, threads: 2, memoryLimit: '1GB' });
}

export async function loadPipeline(engine: Engine, file: string): Promise<ResolvedPipeline> {
  const loaded = await engine.loadFile(file);
  const errors = loaded.issues.filter((i) => i.severity === 'error');
  if (!loaded.pipeline || errors.length > 0) throw new Error(`${file} did not load: ${errors.map((i) => i.message).join('; ')}`);
  return loaded.pipeline;
}

export interface StoredRun {
  /** What the run store recorded. */
  stored: RunDetails;
  node(id: string): NodeRunRecord;
  /** Ids of the nodes with this status in the store, sorted. */
  withStatus(status: NodeRunRecord['status']): string[];
}

/** Read a run back from the run store (throws when it is not there). */
export function storedRun(engine: Engine, runId: string): StoredRun {
  const stored = engine.runStore.getRun(runId);
  if (!stored) throw new Error(`run ${runId} is not in the run store`);
  return {
    stored,
    node(id) {
      const found = stored.nodes.find((n) => n.nodeId === id);
      if (!found) throw new Error(`node ${id} is not in run ${runId}; it has ${stored.nodes.map((n) => n.nodeId).join(', ')}`);
      return found;
    },
    withStatus: (status) => stored.nodes.filter((n) => n.status === status).map((n) => n.nodeId).sort(),
  };
}

/** Load `file`, run it to the end, and read back what the run store recorded. */
export async function runFile(engine: Engine, file: string, options: { target?: string } = {}): Promise<StoredRun & { summary: RunSummary }> {
  const pipeline = await loadPipeline(engine, file);
  const summary = await engine.run(pipeline, options).result;
  return { ...storedRun(engine, summary.runId), summary };
}

/** Resolves once the run reports `nodeId` in `status` (e.g. `running`: it really started computing). */
export function whenStatus(engine: Engine, runId: string, nodeId: string, status: NodeRunRecord['status']): Promise<void> {
  return new Promise((resolve) => {
    const off = engine.on((event) => {
      if (event.type === 'node-status' && event.runId === runId && event.node.nodeId === nodeId && event.node.status === status) {
        off();
        resolve();
      }
    });
  });
}

/**
 * What the project's cache file holds: the node outputs it has materialised (tables `t_<key>`)
 * and their metadata rows. Open it only while no engine has the project open.
 */
export async function cacheContents(project: Project): Promise<{ tables: string[]; entries: number }> {
  const db = await Database.open({ path: project.file('.millrace/cache.duckdb'), threads: 1, memoryLimit: '256MB' });
  const connection = await db.connect();
  try {
    const tables = await connection.query(`SELECT table_name FROM duckdb_tables() WHERE starts_with(table_name, 't_') ORDER BY 1`);
    const entries = await connection.query('SELECT count(*) AS n FROM _millrace_entries');
    return { tables: tables.rows.map((r) => String(r.table_name)), entries: Number(entries.rows[0]?.n) };
  } finally {
    connection.close();
    db.close();
  }
}

/**
 * A `sql` source that counts over a cross join of two ranges of `n` rows: n² row pairs, about
 * 10⁸ a second on two cores, so n = 300 000 runs for many minutes (a node that is always still
 * running when a test cancels or kills it) and n = 12 000 for a second or two.
 */
export function slowQuery(n: number): string {
  return `SELECT count(*) AS n, sum(a.range + b.range) AS s FROM range(${n}) a, range(${n}) b WHERE (a.range * 7 + b.range) % 13 = 0`;
}

export const SMALL_CSV = 'id,label\n1,one\n2,two\n3,three\n';

/**
 * Two independent branches: quick (data/small.csv) → quick_out, and slow → doubled → slow_out.
 * Needs data/small.csv (SMALL_CSV).
 */
export function slowPipeline(n = 300_000): string {
  return `millrace: 1
name: slow
nodes:
  - id: quick
    type: read_csv
    params: { path: data/small.csv }
  - id: quick_out
    type: write_csv
    inputs: { in: quick }
    params: { path: out/quick.csv }
  - id: slow
    type: sql
    params:
      query: ${slowQuery(n)}
  - id: doubled
    type: derive
    inputs: { in: slow }
    params: { columns: { twice: n * 2 } }
  - id: slow_out
    type: write_csv
    inputs: { in: doubled }
    params: { path: out/slow.csv }
`;
}
