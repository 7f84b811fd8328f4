/**
 * Runs a resolved pipeline: nodes in topological order, independent branches concurrently,
 * every output materialised in the cache (so an unchanged node is never recomputed), sinks
 * skipped when their files are exactly as they last wrote them. One failing node fails only
 * itself and what depends on it; cancel interrupts DuckDB at once.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { QualityReport, SinkNodeDefinition, TableNodeDefinition, WorkerNodeDefinition } from '../../nodes/node-definition.js';
import type { CacheStore } from '../cache/cache-store.js';
import { explainChange, fileIdentity, type NodeFingerprint } from '../cache/fingerprint.js';
import { createBuildContext, createCheckContext, createSinkContext, type ContextOptions } from '../compile/node-context.js';
import { createWorkerContext } from '../compile/worker-context.js';
import { publishModel, modelDir, partialModelDir, type Workspace } from './workspace.js';
import { keptResult, reportOutcome } from './stored-results.js';
import type { EngineEvent, NodeRunSummary, RunSummary } from '../contract/events.js';
import type { Connection } from '../duckdb/database.js';
import { ancestors } from '../pipeline/graph.js';
import type { ResolvedNode, ResolvedPipeline } from '../pipeline/document.js';
import type { ConnectionPool } from './connection-pool.js';
import { errorMessage, isCancellation } from './error-message.js';
import { fusedChain, planFusion, type FusionPlan } from './fusion-plan.js';
import { createNodeViews, viewIsCostly } from '../compile/node-views.js';
import { ident } from '../sql/quote.js';

export interface RunRequest {
  runId: string;
  pipeline: ResolvedPipeline;
  /** Key under which fingerprint parts are remembered (the pipeline file, or its name). */
  pipelineKey: string;
  fingerprints: Map<string, NodeFingerprint>;
  /** Run only this node and its ancestors. */
  target?: string;
  cache: CacheStore;
  pool: ConnectionPool;
  concurrency: number;
  signal: AbortSignal;
  emit: (event: EngineEvent) => void;
  /** Folders for model artifacts and worker job files. */
  workspace: Workspace;
}

const PROGRESS_INTERVAL_MS = 500;
/** explainChange's answer for an unchanged node whose output is not in the cache. */
const MISSING = 'cached output missing';

export async function runPipeline(request: RunRequest): Promise<RunSummary> {
  const { pipeline, target, signal, emit, runId } = request;
  const started = Date.now();
  const selected = target ? [...ancestors(pipeline, target), target] : [...pipeline.order];
  const order = pipeline.order.filter((id) => selected.includes(id));
  const summaries = new Map<string, NodeRunSummary>();
  const setStatus = (summary: NodeRunSummary) => {
    summaries.set(summary.nodeId, summary);
    emit({ type: 'node-status', runId, node: summary });
  };

  emit({
    type: 'run-started',
    runId,
    pipeline: pipeline.document.name,
    ...(pipeline.file ? { file: pipeline.file } : {}),
    ...(target ? { target } : {}),
    nodes: order.map((id) => ({ nodeId: id, nodeType: pipeline.nodes.get(id)!.type, fingerprint: request.fingerprints.get(id)!.node })),
  });
  for (const id of order) {
    summaries.set(id, { nodeId: id, nodeType: pipeline.nodes.get(id)!.type, status: 'pending', reason: 'waiting for inputs' });
  }

  const plan = await planFusion(pipeline, order, request.fingerprints, request.cache);
  for (const id of plan.fused) {
    summaries.set(id, { nodeId: id, nodeType: pipeline.nodes.get(id)!.type, status: 'pending', reason: `computed within ${plan.consumer.get(id)}` });
  }
  // Fused nodes are never scheduled: their consumer computes them in its own query.
  const remaining = new Set(order.filter((id) => !plan.fused.has(id)));
  const running = new Map<string, Promise<void>>();
  const upstreamOf = (id: string) => Object.values(pipeline.nodes.get(id)!.inputs).map((i) => i.node);
  const finished = (id: string): boolean => {
    if (plan.fused.has(id)) return upstreamOf(id).every(finished);
    const status = summaries.get(id)?.status;
    return status === 'done' || status === 'cached';
  };
  const blocked = (id: string): boolean => {
    if (plan.fused.has(id)) return upstreamOf(id).some(blocked);
    const s = summaries.get(id)?.status;
    return s === 'failed' || s === 'skipped' || s === 'cancelled';
  };

  const readyOrBlocked = (id: string) =>
    Object.values(pipeline.nodes.get(id)!.inputs).every((i) => finished(i.node) || blocked(i.node));

  const aborted = abortPromise(signal);
  while (remaining.size > 0 || running.size > 0) {
    if (signal.aborted) break;
    for (const id of [...remaining]) {
      if (running.size >= request.concurrency) break;
      const node = pipeline.nodes.get(id)!;
      const upstream = Object.values(node.inputs).map((i) => i.node);
      const failedUpstream = upstream.find(blocked);
      if (failedUpstream) {
        remaining.delete(id);
        setStatus({ nodeId: id, nodeType: node.type, status: 'skipped', reason: `upstream ${failedUpstream} did not finish` });
        continue;
      }
      if (!upstream.every(finished)) continue;
      remaining.delete(id);
      const task = executeNode(request, plan, node, setStatus, (chainId) => summaries.get(chainId)!).finally(() => running.delete(id));
      running.set(id, task);
    }
    if (running.size === 0) {
      // Only skips happened in this pass: loop again; with nothing left, stop.
      if (remaining.size === 0 || [...remaining].every((id) => !readyOrBlocked(id))) break;
      continue;
    }
    await Promise.race([...running.values(), aborted]);
  }

  // Fused nodes whose consumer never ran (it was skipped or cancelled) did not run either.
  for (const id of plan.fused) {
    const s = summaries.get(id)!;
    if (s.status === 'pending' && !signal.aborted) setStatus({ ...s, status: 'skipped', reason: `${plan.consumer.get(id)} did not run` });
  }
  if (signal.aborted) {
    await Promise.allSettled(running.values());
    for (const id of order) {
      const s = summaries.get(id)!;
      if (s.status === 'pending' || s.status === 'running') setStatus({ ...s, status: 'cancelled', reason: 'run cancelled' });
    }
  }

  const nodes = order.map((id) => summaries.get(id)!);
  const failed = nodes.filter((n) => n.status === 'failed');
  const summary: RunSummary = {
    runId,
    status: signal.aborted ? 'cancelled' : failed.length > 0 ? 'failed' : 'succeeded',
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    nodes,
    ...(failed.length > 0 && !signal.aborted
      ? { error: failed.map((n) => `${n.nodeId} (${n.nodeType}): ${n.error ?? 'failed'}`).join('\n') }
      : {}),
  };
  emit({ type: 'run-finished', summary });
  return summary;
}

function abortPromise(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

async function executeNode(
  request: RunRequest,
  plan: FusionPlan,
  node: ResolvedNode,
  setStatus: (s: NodeRunSummary) => void,
  statusOf: (id: string) => NodeRunSummary,
): Promise<void> {
  const { fingerprints, cache, runId, emit } = request;
  const fingerprint = fingerprints.get(node.id)!;
  const base = { nodeId: node.id, nodeType: node.type };
  const startedAt = Date.now();
  const chain = fusedChain(request.pipeline, plan, node.id);
  const chainReasons = new Map<string, string>();
  const settleChain = async (status: 'done' | 'cached' | 'cancelled', reasonFor: (id: string) => string, columns?: Map<string, number>) => {
    for (const id of chain) {
      const current = statusOf(id);
      if (current.status === 'failed' || current.status === 'skipped') continue;
      setStatus({ ...current, status, reason: reasonFor(id), fusedInto: node.id, durationMs: Date.now() - startedAt, ...(columns?.has(id) ? { columns: columns.get(id) } : {}) });
    }
    if (status !== 'cancelled') for (const id of chain) await cache.rememberParts(request.pipelineKey, id, fingerprints.get(id)!.parts);
  };
  try {
    const served = await serveFromCache(request, node, fingerprint);
    if (served) {
      // Its fused inputs were not needed: what they would compute is already in this node's output.
      await settleChain('cached', () => 'unchanged');
      setStatus({ ...base, ...served, durationMs: Date.now() - startedAt });
      await cache.rememberParts(request.pipelineKey, node.id, fingerprint.parts);
      return;
    }
    const inputNodes = Object.fromEntries(Object.entries(node.inputs).map(([port, i]) => [port, i.node]));
    const changed = explainChange(await cache.previousParts(request.pipelineKey, node.id), fingerprint.parts, inputNodes);
    const reason = changed === MISSING && plan.promoted.has(node.id) ? 'unchanged; kept in the cache from now on, as the step after it changes' : changed;
    for (const id of chain) {
      const chainNode = request.pipeline.nodes.get(id)!;
      const chainInputs = Object.fromEntries(Object.entries(chainNode.inputs).map(([port, i]) => [port, i.node]));
      const chainChange = explainChange(await cache.previousParts(request.pipelineKey, id), fingerprints.get(id)!.parts, chainInputs);
      chainReasons.set(id, chainChange === MISSING ? `unchanged; computed again within ${node.id} (not kept in the cache)` : chainChange);
      setStatus({ ...statusOf(id), status: 'running', reason: chainReasons.get(id)!, fusedInto: node.id });
    }
    setStatus({ ...base, status: 'running', reason });
    const outcome = await request.pool.with(request.signal, async (connection) => {
      const views = await buildFusedViews(request, chain, connection, (id, error) =>
        setStatus({ ...statusOf(id), status: 'failed', reason: 'error', error: errorMessage(error), durationMs: Date.now() - startedAt }),
      );
      if (!views) return undefined;
      try {
        await pinFusedInputs(request, node, connection, views);
        return await withProgress(connection, (percentage, rowsProcessed) => emit({ type: 'node-progress', runId, nodeId: node.id, percentage, rowsProcessed }), () =>
          computeNode(request, node, fingerprint, connection, views.relations),
        );
      } catch (error) {
        // An error inside the fused query may belong to a step it folded in: find which, so the
        // message names the node that is wrong, not the one that happened to run it.
        if (request.signal.aborted || isCancellation(error) || chain.length === 0) throw error;
        const culprit = await findFailingStep(chain, views.relations, connection);
        if (!culprit) throw error;
        setStatus({ ...statusOf(culprit.id), status: 'failed', reason: 'error', error: culprit.message, durationMs: Date.now() - startedAt });
        return undefined;
      } finally {
        await dropPinned(connection, views);
      }
    });
    if (!outcome || chain.some((id) => statusOf(id).status === 'failed')) {
      // A fused step failed: it, the steps after it and this node did not finish, as if run one by one.
      for (const id of [...chain, node.id]) {
        const current = statusOf(id);
        if (current.status === 'failed') continue;
        const stuck = Object.values(request.pipeline.nodes.get(id)!.inputs).find((i) => ['failed', 'skipped'].includes(statusOf(i.node).status));
        if (stuck) setStatus({ ...current, status: 'skipped', reason: `upstream ${stuck.node} did not finish`, durationMs: Date.now() - startedAt });
        else if (id !== node.id) setStatus({ ...current, status: 'done', reason: chainReasons.get(id)!, fusedInto: node.id });
      }
      for (const id of [...chain, node.id]) await cache.rememberParts(request.pipelineKey, id, fingerprints.get(id)!.parts);
      return;
    }
    await cache.rememberParts(request.pipelineKey, node.id, fingerprint.parts);
    await cache.rememberFused(chain.map((id) => ({ key: Object.values(fingerprints.get(id)!.outputs)[0]!, nodeId: id })));
    // The fused steps first: once this node reports done, its whole chain is done.
    await settleChain('done', (id) => chainReasons.get(id)!);
    setStatus({ ...base, ...outcome, reason, durationMs: Date.now() - startedAt });
  } catch (error) {
    const cancelled = request.signal.aborted || isCancellation(error);
    // A failed node did run: remembering what with lets the next run say what changed since ('params changed').
    if (!cancelled) await cache.rememberParts(request.pipelineKey, node.id, fingerprint.parts).catch(() => undefined);
    setStatus({
      ...base,
      status: cancelled ? 'cancelled' : 'failed',
      reason: cancelled ? 'run cancelled' : 'error',
      durationMs: Date.now() - startedAt,
      ...(cancelled ? {} : { error: errorMessage(error) }),
    });
    if (cancelled) await settleChain('cancelled', () => 'run cancelled');
    else for (const id of chain) if (statusOf(id).status === 'running') setStatus({ ...statusOf(id), status: 'done', reason: chainReasons.get(id)!, fusedInto: node.id });
  }
}

/**
 * Temp views for the fused steps a node reads through, on the connection that runs it (temp
 * views belong to one connection). Returns undefined when a step's SQL cannot even be built.
 */
async function buildFusedViews(
  request: RunRequest,
  chain: string[],
  connection: Connection,
  onFailure: (id: string, error: unknown) => void,
): Promise<FusedViews | undefined> {
  const views: FusedViews = { relations: new Map(), pinned: [], costly: new Set() };
  const { relations } = views;
  for (const id of chain) {
    const node = request.pipeline.nodes.get(id)!;
    const def = node.definition;
    if (def.kind !== 'table') throw new Error(`Internal error: node ${id} (${node.type}) cannot be fused.`);
    const fingerprint = request.fingerprints.get(id)!;
    try {
      await pinFusedInputs(request, node, connection, views);
      const output = Object.entries(fingerprint.outputs)[0]!;
      const [port] = output;
      const created = await createNodeViews(def, contextOptions(request, node, fingerprint, connection, relations), [output]);
      relations.set(`${id}.${port}`, created.get(port)!);
      if (viewIsCostly(def, node.inputs, views.costly)) views.costly.add(`${id}.${port}`);
    } catch (error) {
      if (request.signal.aborted || isCancellation(error)) throw error;
      // Storing a step (a temp or in-memory table) computes the steps before it: the error may be theirs.
      const culprit = await findFailingStep(chain.slice(0, chain.indexOf(id)), relations, connection);
      if (culprit) onFailure(culprit.id, new Error(culprit.message));
      else onFailure(id, error);
      await dropPinned(connection, views);
      return undefined;
    }
  }
  return views;
}

interface FusedViews {
  /** `node.port` → the relation a consumer reads it from on this connection. */
  relations: Map<string, string>;
  /** Temporary tables made for nodes that read their input twice; dropped when the node is done. */
  pinned: string[];
  /** Views (by `node.port`) whose computation includes a costly step (definition `costly`). */
  costly: Set<string>;
}

async function dropPinned(connection: Connection, views: FusedViews): Promise<void> {
  for (const table of views.pinned) await connection.execute(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
}

/**
 * A node that reads its input twice (fit statistics, then rows) would compute a costly fused
 * input once per read: compute it once into a table in memory (spilling under DuckDB's limit).
 */
async function pinFusedInputs(request: RunRequest, node: ResolvedNode, connection: Connection, views: FusedViews): Promise<void> {
  const def = node.definition;
  if (def.kind !== 'table' || !def.readsInputTwice) return;
  for (const input of Object.values(node.inputs)) {
    const port = `${input.node}.${input.port}`;
    const view = views.relations.get(port);
    // A cheap row-by-row chain is cheaper to read twice than to store once.
    if (view === undefined || views.pinned.includes(view) || !views.costly.has(port)) continue;
    const key = request.fingerprints.get(input.node)!.outputs[input.port]!;
    // Kept in the engine's in-memory tier when it has one: the next run (an edit further down)
    // starts from it. Otherwise a temp table, dropped when this node is done.
    let table = await request.cache.keepInMemory(connection, key, view);
    if (table === undefined) {
      table = ident(`p_${key}`);
      await connection.execute(`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * FROM ${view}`);
      views.pinned.push(table);
    }
    views.relations.set(port, table);
    views.costly.delete(port);
  }
}

/** The first fused step whose own output fails to compute, evaluating every column of it. */
async function findFailingStep(chain: string[], relations: Map<string, string>, connection: Connection): Promise<{ id: string; message: string } | undefined> {
  for (const id of chain) {
    const view = [...relations.entries()].find(([k]) => k.startsWith(`${id}.`))?.[1];
    if (!view) continue;
    try {
      // Hashing the whole row forces every column to be computed (a count alone would skip them).
      await connection.query(`SELECT bit_xor(hash(r)) AS h FROM ${view} AS r`);
    } catch (error) {
      if (isCancellation(error)) throw error;
      return { id, message: errorMessage(error) };
    }
  }
  return undefined;
}

type Outcome = Pick<NodeRunSummary, 'status' | 'rows' | 'columns' | 'outputRows' | 'error' | 'failedChecks' | 'warnings'>;

/** A node whose outputs (or, for sinks, written files) are still exactly as cached: no work. */
async function serveFromCache(request: RunRequest, node: ResolvedNode, fingerprint: NodeFingerprint): Promise<(Outcome & { reason: string }) | undefined> {
  const { cache } = request;
  const kept = await keptResult(request, node, fingerprint);
  if (!kept) return undefined;
  if (kept.sink) return { ...kept.result, reason: 'unchanged, output files as written' };
  if (kept.keys.length === 0) return { ...kept.result, reason: 'unchanged' };
  await cache.touch(kept.keys);
  if (kept.report) emitReport(request, node, kept.report);
  // In memory: a preview or an earlier run of this engine computed it for a step that reads it twice.
  const reason = kept.keys.every((key) => cache.heldInMemory(key)) ? 'unchanged; kept in memory by an earlier preview or run' : 'unchanged';
  return { ...kept.result, reason };
}

function contextOptions(
  request: RunRequest,
  node: ResolvedNode,
  fingerprint: NodeFingerprint,
  connection: Connection,
  fused: Map<string, string> = new Map(),
): ContextOptions<unknown> {
  const inputs: Record<string, string> = {};
  for (const [port, input] of Object.entries(node.inputs)) {
    if (input.type !== 'table') continue;
    // A fused input is a temp view on this connection; any other is its cache table.
    inputs[port] = fused.get(`${input.node}.${input.port}`) ?? request.cache.relation(request.fingerprints.get(input.node)!.outputs[input.port]!);
  }
  return {
    nodeId: node.id,
    params: node.params,
    inputs,
    connection,
    baseDir: request.pipeline.baseDir,
    signal: request.signal,
    log: (message) => request.emit({ type: 'log', runId: request.runId, nodeId: node.id, level: 'info', message }),
    stagingPrefix: `stage_${fingerprint.node}`,
    memo: { nodeKey: fingerprint.node, queries: request.cache.buildQueries },
  };
}

async function computeNode(
  request: RunRequest,
  node: ResolvedNode,
  fingerprint: NodeFingerprint,
  connection: Connection,
  fused: Map<string, string>,
): Promise<Outcome> {
  const def = node.definition;
  const options = contextOptions(request, node, fingerprint, connection, fused);
  if (def.kind === 'sink') return writeSink(request, def, fingerprint, options);
  if (def.kind === 'worker') return runWorkerNode(request, node, def, fingerprint, options);
  return materialiseTable(request, node, def, fingerprint, options);
}

/** Train / predict / export in a child process; tables go to the cache, models to their folders. */
async function runWorkerNode(
  request: RunRequest,
  node: ResolvedNode,
  def: WorkerNodeDefinition,
  fingerprint: NodeFingerprint,
  options: ContextOptions<unknown>,
): Promise<Outcome> {
  const { workspace, emit, runId } = request;
  const modelInputs: Record<string, string> = {};
  for (const [port, input] of Object.entries(node.inputs)) {
    if (input.type === 'model') modelInputs[port] = modelDir(workspace, request.fingerprints.get(input.node)!.outputs[input.port]!);
  }
  const modelPorts = node.outputs.filter((p) => p.type === 'model').map((p) => p.name);
  const modelOutputs = Object.fromEntries(modelPorts.map((port) => [port, partialModelDir(workspace, fingerprint.outputs[port]!)]));
  const registered: { artifactDir: string; params: unknown; metrics: Record<string, number | null>; device: string }[] = [];
  const ctx = createWorkerContext({
    ...options,
    modelInputs,
    modelOutputs,
    jobsDir: workspace.jobsDir,
    python: workspace.python,
    onProgress: (progress) => emit({ type: 'training-progress', runId, nodeId: node.id, progress }),
    // Registered only once the node succeeded and its model folder is published (see below), so the
    // registry never points at a folder that a failed or cancelled node removed.
    onModel: (model) => registered.push(model),
  });
  try {
    const { tables } = await def.execute(ctx);
    const outputs = Object.entries(fingerprint.outputs)
      .filter(([port]) => !modelPorts.includes(port))
      .map(([port, key]) => {
        const sql = tables[port];
        if (sql === undefined) throw new Error(`Node type ${def.type} produced no output for port "${port}".`);
        return { key, sql, port };
      });
    const entries = outputs.length > 0 ? await request.cache.materialise(options.connection, node, outputs) : [];
    for (const port of modelPorts) await publishModel(workspace, modelOutputs[port]!, fingerprint.outputs[port]!);
    for (const model of registered) {
      emit({
        type: 'model-registered',
        runId,
        nodeId: node.id,
        ...model,
        // The model output's key: the same data and params give the same key.
        artifactDir: modelDir(workspace, fingerprint.outputs[modelPorts[0] ?? 'model'] ?? fingerprint.node),
        dataFingerprint: Object.values(fingerprint.parts.inputs).join(','),
      });
    }
    if (def.targets) {
      const files = await Promise.all(def.targets(node.params as never, (p) => path.resolve(request.pipeline.baseDir, p)).map(fileIdentity));
      await request.cache.recordSink(fingerprint.node, files, 0);
    }
    const main = entries[outputs.findIndex((o) => o.port === 'out')] ?? entries[0];
    return { status: 'done', rows: main?.rows, columns: main?.columns };
  } finally {
    await ctx.cleanup();
    // Left over only when the node failed: a published model was renamed away.
    await Promise.all(Object.values(modelOutputs).map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

async function materialiseTable(
  request: RunRequest,
  node: ResolvedNode,
  def: TableNodeDefinition,
  fingerprint: NodeFingerprint,
  options: ContextOptions<unknown>,
): Promise<Outcome> {
  const built = await def.build(createBuildContext(options));
  const outputs = Object.entries(fingerprint.outputs).map(([port, key]) => {
    const sql = built[port];
    if (sql === undefined) throw new Error(`Node type ${def.type} produced no output for port "${port}".`);
    return { key, sql, port };
  });
  const entries = await request.cache.materialise(options.connection, node, outputs);
  const main = entries[outputs.findIndex((o) => o.port === 'out')] ?? entries[0];
  const outputRows = outputs.length > 1 ? Object.fromEntries(outputs.map((o, i) => [o.port, entries[i]!.rows])) : undefined;
  if (!def.check) return { status: 'done', rows: main?.rows, columns: main?.columns, outputRows };
  const tables = Object.fromEntries(outputs.map((o) => [o.port, request.cache.relation(o.key)]));
  const report = await def.check(createCheckContext(options, tables));
  await request.cache.recordReport(fingerprint.node, report);
  return { status: 'done', rows: main?.rows, columns: main?.columns, outputRows, ...applyReport(request, node, report) };
}

/** Emit a quality report and decide whether it fails the node (on_fail: error). */
function applyReport(request: RunRequest, node: ResolvedNode, report: QualityReport): Partial<Outcome> {
  emitReport(request, node, report);
  return reportOutcome(report);
}

function emitReport(request: RunRequest, node: ResolvedNode, report: QualityReport): void {
  request.emit({ type: 'quality', runId: request.runId, nodeId: node.id, report });
}

async function writeSink(request: RunRequest, def: SinkNodeDefinition, fingerprint: NodeFingerprint, options: ContextOptions<unknown>): Promise<Outcome> {
  const result = await def.write(createSinkContext(options));
  const files = await Promise.all(result.files.map(fileIdentity));
  await request.cache.recordSink(fingerprint.node, files, result.rows);
  return { status: 'done', rows: result.rows };
}

/** Poll DuckDB's query progress while `work` runs. */
async function withProgress<T>(connection: Connection, report: (percentage: number, rows: number) => void, work: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => {
    const p = connection.progress();
    if (p.percentage >= 0) report(p.percentage, p.rowsProcessed);
  }, PROGRESS_INTERVAL_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

