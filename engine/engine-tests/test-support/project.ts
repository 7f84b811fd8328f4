/**
 * For the engine's behaviour tests: a throwaway project folder with real data files and pipeline
 * YAML, an engine opened on it, and runs whose outcome is read back from the run store.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunSummary } from '../../contract/events.js';
import { createEngine, type Engine, type RunHandle } from '../../engine.js';
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

/** Resolves once the run reports `nodeId` running (a node that really started computing). */
export function whenRunning(engine: Engine, handle: RunHandle, nodeId: string): Promise<void> {
  return new Promise((resolve) => {
    const off = engine.on((event) => {
      if (event.type === 'node-status' && event.runId === handle.runId && event.node.nodeId === nodeId && event.node.status === 'running') {
        off();
        resolve();
      }
    });
  });
}

/**
 * A `sql` source that counts over a cross join of two ranges: many seconds of DuckDB work on two
 * cores (tens of billions of row pairs), so it is still running whenever a test cancels or kills it.
 */
export const SLOW_QUERY = 'SELECT count(*) AS n, sum(a.range + b.range) AS s FROM range(300000) a, range(300000) b WHERE (a.range * 7 + b.range) % 13 = 0';

/** A pipeline whose first node is slow: slow → out (write_csv out/slow.csv). */
export const SLOW_PIPELINE = `millrace: 1
name: slow
nodes:
  - id: slow
    type: sql
    params:
      query: ${SLOW_QUERY}
  - id: out
    type: write_csv
    inputs: { in: slow }
    params: { path: out/slow.csv }
`;
