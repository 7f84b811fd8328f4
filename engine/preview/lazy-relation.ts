/**
 * The relation behind a node output, composed lazily: outputs already in the cache are read from
 * their tables, everything else becomes a temporary view over its inputs, so the first rows of a
 * late step come back without computing (or materialising) the steps before it.
 */
import { NodeError } from '../../nodes/node-definition.js';
import type { CacheStore } from '../cache/cache-store.js';
import type { NodeFingerprint } from '../cache/fingerprint.js';
import { createNodeViews, viewIsCostly } from '../compile/node-views.js';
import type { Connection } from '../duckdb/database.js';
import type { ResolvedNode, ResolvedPipeline } from '../pipeline/document.js';
import { ancestors } from '../pipeline/graph.js';
import { errorMessage } from '../execute/error-message.js';

export class NodePreviewError extends Error {
  constructor(readonly nodeId: string, message: string) {
    super(message);
    this.name = 'NodePreviewError';
  }
}

export interface LazyRelation {
  /** SQL relation (a quoted table or view name). */
  sql: string;
  /** True when it is a materialised cache table (counting rows is then free). */
  cached: boolean;
  key: string;
}

export interface LazyRequest {
  pipeline: ResolvedPipeline;
  fingerprints: Map<string, NodeFingerprint>;
  cache: CacheStore;
  connection: Connection;
  signal: AbortSignal;
}

/** Which output of a node to show: sinks show the table they write. */
export function previewTarget(pipeline: ResolvedPipeline, nodeId: string, port?: string): { node: string; port: string } {
  const node = pipeline.nodes.get(nodeId);
  if (!node) throw new NodePreviewError(nodeId, `There is no node "${nodeId}" in this pipeline.`);
  if (node.definition.kind === 'sink') {
    const input = node.inputs.in ?? Object.values(node.inputs)[0];
    if (!input) throw new NodePreviewError(nodeId, `Sink "${nodeId}" has no input to preview.`);
    return { node: input.node, port: input.port };
  }
  const ports = node.outputs.filter((p) => p.type === 'table').map((p) => p.name);
  const chosen = port ?? (ports.includes('out') ? 'out' : ports[0]);
  if (chosen === undefined || !ports.includes(chosen)) {
    throw new NodePreviewError(nodeId, `Node "${nodeId}" has no table output "${port}". Its outputs: ${ports.join(', ') || 'none'}.`);
  }
  return { node: nodeId, port: chosen };
}

export async function lazyRelation(request: LazyRequest, nodeId: string, port: string): Promise<LazyRelation> {
  const { pipeline, fingerprints, cache, connection } = request;
  const needed = [...ancestors(pipeline, nodeId), nodeId];
  const chain = pipeline.order.filter((id) => needed.includes(id));
  const allKeys = chain.flatMap((id) => Object.values(fingerprints.get(id)!.outputs));
  const present = await cache.present(allKeys);
  const relations = new Map<string, LazyRelation>();
  /** Uncached views (by `node.port`) whose computation includes a costly step. */
  const costly = new Set<string>();

  for (const id of chain) {
    const node = pipeline.nodes.get(id)!;
    const fp = fingerprints.get(id)!;
    const def = node.definition;
    if (def.kind === 'sink') continue; // sinks are never upstream of anything
    if (def.kind === 'worker') {
      // Training and prediction run in worker processes: only their cached results can be shown.
      const missing = Object.entries(fp.outputs).some(([p, key]) => node.outputs.find((o) => o.name === p)?.type === 'table' && !present.has(key));
      if (missing) {
        throw new NodePreviewError(id, id === nodeId
          ? `"${id}" (${node.type}) runs in a worker process: run the pipeline (or run to this node) to see its output.`
          : `Upstream node "${id}" (${node.type}) runs in a worker process and has not run yet: run the pipeline (or run to "${nodeId}") first.`);
      }
      for (const [p, key] of Object.entries(fp.outputs)) relations.set(`${id}.${p}`, { sql: cache.relation(key), cached: true, key });
      continue;
    }
    const outputs = Object.entries(fp.outputs);
    if (outputs.every(([, key]) => present.has(key))) {
      for (const [p, key] of outputs) relations.set(`${id}.${p}`, { sql: cache.relation(key), cached: true, key });
      continue;
    }
    try {
      if (def.kind === 'table' && def.readsInputTwice) await pinCostlyInputs(request, node.inputs, relations, costly);
      const inputs: Record<string, string> = {};
      for (const [p, input] of Object.entries(node.inputs)) inputs[p] = relations.get(`${input.node}.${input.port}`)!.sql;
      if (request.signal.aborted) throw Object.assign(new Error('Cancelled.'), { name: 'AbortError' });
      const views = await createNodeViews(
        def,
        {
          nodeId: id,
          params: node.params,
          inputs,
          connection,
          baseDir: pipeline.baseDir,
          signal: request.signal,
          log: () => undefined,
          stagingPrefix: `preview_${fp.node}`,
          memo: { nodeKey: fp.node, queries: cache.buildQueries },
        },
        outputs,
      );
      const isCostly = viewIsCostly(def, node.inputs, costly);
      for (const [p, key] of outputs) {
        relations.set(`${id}.${p}`, { sql: views.get(p)!, cached: false, key });
        if (isCostly) costly.add(`${id}.${p}`);
      }
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') throw error;
      const message = errorMessage(error);
      throw new NodePreviewError(id, id === nodeId ? message : `Upstream node "${id}" failed: ${message}`);
    }
  }
  const relation = relations.get(`${nodeId}.${port}`);
  if (!relation) throw new NodeError(`Node "${nodeId}" has no output "${port}".`);
  return relation;
}

/**
 * A step that reads its input twice (fit statistics, then rows) would compute a costly view
 * input twice, and the preview's LIMIT cannot shorten the statistics' full scan: compute that
 * input once into the engine's in-memory tier, where the next preview or run also finds it.
 * Without a tier (a one-shot CLI command) the view is read twice instead.
 */
async function pinCostlyInputs(
  request: LazyRequest,
  inputs: ResolvedNode['inputs'],
  relations: Map<string, LazyRelation>,
  costly: Set<string>,
): Promise<void> {
  for (const input of Object.values(inputs)) {
    const port = `${input.node}.${input.port}`;
    const relation = relations.get(port);
    if (!relation || relation.cached || !costly.has(port)) continue;
    const table = await request.cache.keepInMemory(request.connection, relation.key, relation.sql);
    if (table === undefined) return;
    relations.set(port, { sql: table, cached: true, key: relation.key });
    costly.delete(port);
  }
}
