/**
 * The engine facade: one object per project folder that the CLI, the UI server and the Electron
 * app all use. It knows nothing of any of them: requests in, results and events out.
 *
 *   const engine = await createEngine({ projectDir });
 *   const loaded = await engine.loadFile('pipeline.yaml');
 *   const handle = engine.run(loaded.pipeline!);  await handle.result;
 *   await engine.preview(loaded.pipeline!, 'clean', { limit: 100 });
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { defaultCatalogue, type Catalogue } from '../nodes/catalogue.js';
import type { PreviewResponse, StoredNodeResult } from './contract/api.js';
import { CacheStore } from './cache/cache-store.js';
import { fingerprintPipeline, type NodeFingerprint } from './cache/fingerprint.js';
import type { EngineEvent, EngineEventListener, RunSummary } from './contract/events.js';
import { Database, cleanDuckDBMessage } from './duckdb/database.js';
import { ConnectionPool } from './execute/connection-pool.js';
import { runPipeline } from './execute/run-pipeline.js';
import { storedResults } from './execute/stored-results.js';
import type { Workspace } from './execute/workspace.js';
import type { PipelineDocument, ResolvedPipeline } from './pipeline/document.js';
import { loadResolvedFile, loadResolvedText, type LoadOutcome } from './pipeline/load-pipeline.js';
import { resolvePipeline } from './pipeline/resolve.js';
import { lazyRelation, previewTarget } from './preview/lazy-relation.js';
import { profileRelation } from './profile/profile.js';
import type { TableProfile } from './profile/profile-types.js';
import { recordRunHistory } from './run-history.js';
import { RunStore } from './run-store/run-store.js';

export interface EngineOptions {
  /** The project folder: pipelines, data, and `.millrace/` (cache and run history) live here. */
  projectDir: string;
  catalogue?: Catalogue;
  /** Where the cache file, spill folder and run store go. Default `<projectDir>/.millrace`. */
  stateDir?: string;
  /** DuckDB memory limit, e.g. '4GB'. Default: about half the machine's memory. */
  memoryLimit?: string;
  threads?: number;
  /** Nodes run at once (independent branches). */
  concurrency?: number;
  /** Cache size budget; least recently used outputs are dropped beyond it. Default 10 GiB. */
  cacheBudgetBytes?: number;
  /** The project's Python setting for the PyTorch worker (MILLRACE_PYTHON comes first; 'none' forces the built-in worker). */
  python?: string;
  /**
   * Keep costly intermediate tables a run stores anyway in memory for later runs of this engine
   * (default true). Worth it in a long-lived engine (the canvas, the desktop app); a one-shot CLI
   * command turns it off, since its memory is gone when it exits.
   */
  keepInMemory?: boolean;
}

export type { LoadOutcome };

export interface RunHandle {
  runId: string;
  result: Promise<RunSummary>;
  cancel(): void;
}

/** The rows of a preview: the same shape the API sends to the canvas. */
export type PreviewResult = PreviewResponse;

export interface Engine {
  readonly projectDir: string;
  readonly catalogue: Catalogue;
  readonly runStore: RunStore;
  /** Things the user should know about the engine itself (e.g. the cache is in use elsewhere). */
  readonly warnings: string[];
  loadFile(file: string): Promise<LoadOutcome>;
  loadText(text: string, options?: { file?: string; baseDir?: string }): LoadOutcome;
  resolve(document: PipelineDocument, options?: { file?: string; baseDir?: string }): LoadOutcome;
  run(pipeline: ResolvedPipeline, options?: { target?: string; signal?: AbortSignal }): RunHandle;
  cancel(runId: string): boolean;
  preview(pipeline: ResolvedPipeline, nodeId: string, options?: { port?: string; limit?: number; offset?: number; signal?: AbortSignal }): Promise<PreviewResult>;
  profile(pipeline: ResolvedPipeline, nodeId: string, options?: { port?: string; sampleRows?: number; signal?: AbortSignal }): Promise<TableProfile>;
  /**
   * The nodes whose result is already kept (what a run would serve from the cache), by id, with
   * their row counts; looking changes nothing (no run recorded, no use counted in the cache).
   */
  storedResults(pipeline: ResolvedPipeline): Promise<Record<string, StoredNodeResult>>;
  on(listener: EngineEventListener): () => void;
  dispose(): Promise<void>;
}

const DEFAULT_BUDGET = 10 * 1024 ** 3;
const DISPOSE_WAIT_MS = 5000;

async function openCacheDatabase(options: EngineOptions, stateDir: string, warnings: string[]): Promise<Database> {
  const common = { memoryLimit: options.memoryLimit, threads: options.threads, tempDirectory: path.join(stateDir, 'tmp') };
  const file = path.join(stateDir, 'cache.duckdb');
  try {
    return await Database.open({ path: file, ...common });
  } catch (error) {
    // Another Millrace process (a server, another run) holds the cache file: work without it.
    warnings.push(`The cache ${file} is in use by another process (${cleanDuckDBMessage(error).split('\n')[0]}); this session computes without the persistent cache.`);
    return Database.open({ path: ':memory:', ...common });
  }
}

export async function createEngine(options: EngineOptions): Promise<Engine> {
  const projectDir = path.resolve(options.projectDir);
  const stateDir = options.stateDir ?? path.join(projectDir, '.millrace');
  mkdirSync(stateDir, { recursive: true });
  const catalogue = options.catalogue ?? defaultCatalogue;
  const warnings: string[] = [];
  const db = await openCacheDatabase(options, stateDir, warnings);
  const storeConnection = await db.connect();
  const cache = await CacheStore.open(storeConnection, { memoryTier: options.keepInMemory ?? true });
  const pool = new ConnectionPool(db);
  const runStore = RunStore.open(path.join(stateDir, 'runs.sqlite'));
  const listeners = new Set<EngineEventListener>();
  const runs = new Map<string, AbortController>();
  /** Results of the runs in progress, so dispose() can let them record their end first. */
  const settling = new Set<Promise<unknown>>();
  const inflightProfiles = new Map<string, Promise<TableProfile>>();
  const concurrency = options.concurrency ?? 2;
  const workspace: Workspace = { modelsDir: path.join(stateDir, 'models'), jobsDir: path.join(stateDir, 'jobs'), python: options.python };
  const budget = options.cacheBudgetBytes ?? DEFAULT_BUDGET;

  const emit = (event: EngineEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        // A faulty listener (a closed socket, say) must not break the run.
        process.emitWarning(`engine event listener failed: ${String(error)}`);
      }
    }
  };
  listeners.add(recordRunHistory(runStore));

  const resolvePath = (pipeline: ResolvedPipeline) => (p: string) => path.resolve(pipeline.baseDir, p);
  const fingerprints = (pipeline: ResolvedPipeline): Promise<Map<string, NodeFingerprint>> => fingerprintPipeline(pipeline, resolvePath(pipeline));

  const resolve: Engine['resolve'] = (document, opts = {}) => {
    const baseDir = opts.baseDir ?? (opts.file ? path.dirname(path.resolve(opts.file)) : projectDir);
    const { pipeline, issues } = resolvePipeline(document, catalogue, { baseDir, file: opts.file });
    return { document, pipeline, issues };
  };

  const engine: Engine = {
    projectDir,
    catalogue,
    runStore,
    warnings,

    loadFile: (file) => loadResolvedFile(path.resolve(projectDir, file), catalogue),

    loadText(text, opts = {}) {
      const baseDir = opts.baseDir ?? (opts.file ? path.dirname(path.resolve(opts.file)) : projectDir);
      return loadResolvedText(text, catalogue, { file: opts.file, baseDir });
    },

    resolve,

    run(pipeline, opts = {}) {
      const runId = randomUUID();
      const controller = new AbortController();
      opts.signal?.addEventListener('abort', () => controller.abort(), { once: true });
      runs.set(runId, controller);
      const result = cache.inUse(async () => {
        const prints = await fingerprints(pipeline);
        const summary = await runPipeline({
          runId,
          pipeline,
          pipelineKey: pipeline.file ?? pipeline.document.name,
          fingerprints: prints,
          target: opts.target,
          cache,
          pool,
          concurrency,
          signal: controller.signal,
          emit,
          workspace,
        });
        // Finished (run-finished is already out): from here on there is nothing to cancel.
        runs.delete(runId);
        const keep = new Set([...prints.values()].flatMap((f) => Object.values(f.outputs)));
        await cache.evict(budget, keep);
        return summary;
      }).finally(() => runs.delete(runId));
      const settled = result.then(
        () => undefined,
        () => undefined,
      );
      settling.add(settled);
      void settled.then(() => settling.delete(settled));
      return { runId, result, cancel: () => controller.abort() };
    },

    cancel(runId) {
      const controller = runs.get(runId);
      controller?.abort();
      return controller !== undefined;
    },

    async preview(pipeline, nodeId, opts = {}) {
      const started = Date.now();
      const target = previewTarget(pipeline, nodeId, opts.port);
      const limit = Math.max(0, Math.min(opts.limit ?? 100, 10_000));
      const offset = Math.max(0, opts.offset ?? 0);
      const signal = opts.signal ?? new AbortController().signal;
      const prints = await fingerprints(pipeline);
      return cache.inUse(() => pool.with(signal, async (connection) => {
        const relation = await lazyRelation({ pipeline, fingerprints: prints, cache, connection, signal }, target.node, target.port);
        const { columns, rows } = await connection.query(`SELECT * FROM ${relation.sql} LIMIT ${limit} OFFSET ${offset}`);
        let totalRows: number | null = null;
        if (relation.cached) totalRows = Number((await connection.query(`SELECT count(*) AS n FROM ${relation.sql}`)).rows[0]?.n ?? 0);
        return { nodeId: target.node, port: target.port, columns, rows, offset, totalRows, cached: relation.cached, elapsedMs: Date.now() - started };
      }));
    },

    async profile(pipeline, nodeId, opts = {}) {
      const target = previewTarget(pipeline, nodeId, opts.port);
      const prints = await fingerprints(pipeline);
      const key = prints.get(target.node)!.outputs[target.port]!;
      const sampleRows = opts.sampleRows ?? 0;
      const stored = await cache.profile(key, sampleRows);
      if (stored) return stored as unknown as TableProfile;
      const flightKey = `${key}:${sampleRows}`;
      let flight = inflightProfiles.get(flightKey);
      if (!flight) {
        // Identical concurrent requests (several panels asking for one profile) are computed once.
        const signal = opts.signal ?? new AbortController().signal;
        flight = cache
          .inUse(() => pool.with(signal, async (connection) => {
            const relation = await lazyRelation({ pipeline, fingerprints: prints, cache, connection, signal }, target.node, target.port);
            const profile = await profileRelation(connection, relation.sql, { sampleRows: sampleRows || undefined, signal });
            await cache.recordProfile(key, sampleRows, profile as never);
            return profile;
          }))
          .finally(() => inflightProfiles.delete(flightKey));
        inflightProfiles.set(flightKey, flight);
      }
      return flight;
    },

    async storedResults(pipeline) {
      const prints = await fingerprints(pipeline);
      // In use, like a preview: the in-memory tier is not trimmed while it is being looked at.
      return cache.inUse(() => storedResults(pipeline, prints, { cache, workspace }));
    },

    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async dispose() {
      for (const controller of runs.values()) controller.abort();
      // Cancelled runs stop within moments; let them write their end to the run store before it
      // closes, or it would show them running for as long as this process lives. Bounded, so a
      // run that ignores the cancel cannot hold dispose up.
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([Promise.all(settling), new Promise((resolve) => (timer = setTimeout(resolve, DISPOSE_WAIT_MS)))]);
      clearTimeout(timer);
      pool.close();
      storeConnection.close();
      db.close();
      runStore.close();
    },
  };
  return engine;
}
