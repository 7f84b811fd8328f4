/**
 * Which nodes' results are already kept, found without computing, writing or touching anything:
 * every table output in the cache (file or in-memory tier), every model folder, a sink's files
 * exactly as it last wrote them. A run serves a node from the cache by this same test
 * (run-pipeline.ts, serveFromCache); the canvas asks it when a pipeline opens, so the status of
 * each node survives a reload. Steps fused into a later step's query are listed with that step.
 */
import type { QualityReport } from '../../nodes/node-definition.js';
import type { CacheEntry, CacheStore } from '../cache/cache-store.js';
import { fileIdentity, type NodeFingerprint } from '../cache/fingerprint.js';
import type { StoredNodeResult } from '../contract/api.js';
import type { ResolvedNode, ResolvedPipeline } from '../pipeline/document.js';
import { planFusion } from './fusion-plan.js';
import { modelsPresent, type Workspace } from './workspace.js';

/** Where kept results live. */
export interface KeptSources {
  cache: CacheStore;
  workspace: Workspace;
}

export interface KeptResult {
  result: StoredNodeResult;
  /** Whether it is a sink (or a worker writing files) whose files are as it wrote them. */
  sink: boolean;
  /** Cache keys of its table outputs (none for a sink or a node whose only output is a model). */
  keys: string[];
  /** The kept data-quality report of a node with checks. */
  report?: QualityReport;
}

/** A sink, or a worker that writes files: kept means its files are as it wrote them. */
function writesFiles(node: ResolvedNode): boolean {
  const def = node.definition;
  return def.kind === 'sink' || (def.kind === 'worker' && def.targets !== undefined);
}

/** Cache keys of a node's outputs, by port: its tables (in the cache) and its models (in model folders). */
function outputKeys(node: ResolvedNode, fingerprint: NodeFingerprint): { tables: [port: string, key: string][]; models: string[] } {
  const modelPorts = new Set(node.outputs.filter((p) => p.type === 'model').map((p) => p.name));
  const entries = Object.entries(fingerprint.outputs);
  return { tables: entries.filter(([port]) => !modelPorts.has(port)), models: entries.filter(([port]) => modelPorts.has(port)).map(([, key]) => key) };
}

/**
 * What is kept of a node's last result under `fingerprint`, or undefined when a run would compute
 * it. `known`: cache entries already read for these keys (a whole pipeline's, read at once).
 */
export async function keptResult(sources: KeptSources, node: ResolvedNode, fingerprint: NodeFingerprint, known?: Map<string, CacheEntry>): Promise<KeptResult | undefined> {
  const { cache } = sources;
  const def = node.definition;
  if (writesFiles(node)) {
    const record = await cache.sinkRecord(fingerprint.node);
    if (!record) return undefined;
    const now = await Promise.all(record.files.map((f) => fileIdentity(f.path)));
    const untouched = now.every((f, i) => f.size === record.files[i]!.size && f.mtimeMs === record.files[i]!.mtimeMs && f.size >= 0);
    return untouched ? { result: { status: 'cached', rows: record.rows }, sink: true, keys: [] } : undefined;
  }
  const { tables, models } = outputKeys(node, fingerprint);
  const keys = tables.map(([, key]) => key);
  const present = known ?? (await cache.present(keys));
  if (!keys.every((key) => present.has(key))) return undefined;
  if (!(await modelsPresent(sources.workspace, models))) return undefined;
  if (keys.length === 0) return { result: { status: 'cached' }, sink: false, keys };
  const first = present.get(fingerprint.outputs.out ?? keys[0]!)!;
  const outputRows = keys.length > 1 ? Object.fromEntries(tables.map(([port, key]) => [port, present.get(key)!.rows])) : undefined;
  const report = def.kind === 'table' && def.check ? await cache.report(fingerprint.node) : undefined;
  const checked = report ? reportOutcome(report) : {};
  return { result: { status: 'cached', rows: first.rows, columns: first.columns, outputRows, ...checked }, sink: false, keys, ...(report ? { report } : {}) };
}

/** What a quality report means for its node: failed checks as lines, and failure when on_fail is error. */
export function reportOutcome(report: QualityReport): Pick<StoredNodeResult, 'failedChecks' | 'warnings' | 'error'> & { status?: 'failed' } {
  const failed = report.results.filter((r) => !r.passed);
  if (failed.length === 0) return { failedChecks: 0 };
  const lines = failed.map((r) => {
    const where = r.column !== undefined ? `${r.column}: ` : '';
    const examples = r.examples && r.examples.length > 0 ? ` (e.g. ${r.examples.map((e) => JSON.stringify(e)).join(', ')})` : '';
    return `${where}${r.check} — ${r.detail}${examples}`;
  });
  if (report.onFail === 'error') {
    return { status: 'failed', failedChecks: failed.length, error: `${failed.length} data-quality check(s) failed:\n  ${lines.join('\n  ')}` };
  }
  return { failedChecks: failed.length, warnings: lines };
}

/** Every node of `pipeline` whose result under `fingerprints` is kept, by id, in the pipeline's order. */
export async function storedResults(
  pipeline: ResolvedPipeline,
  fingerprints: Map<string, NodeFingerprint>,
  sources: KeptSources,
): Promise<Record<string, StoredNodeResult>> {
  const results: Record<string, StoredNodeResult> = {};
  const { candidates, present } = await possiblyKept(pipeline, fingerprints, sources.cache);
  // One at a time: each further look (a sink record, a stored report, a model folder) is a small metadata query or a stat.
  for (const id of candidates) {
    const kept = await keptResult(sources, pipeline.nodes.get(id)!, fingerprints.get(id)!, present);
    if (kept) results[id] = kept.result;
  }
  await addFusedSteps(pipeline, fingerprints, sources.cache, results);
  return results;
}

/**
 * The nodes worth a closer look, in pipeline order, from two queries for the whole pipeline: every
 * table output in the cache, or a sink with a record. A 1000-node pipeline costs two queries, not a
 * thousand, whether nothing or everything is kept; the cache entries read come back for that look.
 */
async function possiblyKept(
  pipeline: ResolvedPipeline,
  fingerprints: Map<string, NodeFingerprint>,
  cache: CacheStore,
): Promise<{ candidates: string[]; present: Map<string, CacheEntry> }> {
  const nodes = pipeline.order.flatMap((id) => {
    const node = pipeline.nodes.get(id);
    const fingerprint = fingerprints.get(id);
    return node && fingerprint ? [{ id, node, writes: writesFiles(node), fingerprint, keys: outputKeys(node, fingerprint).tables.map(([, key]) => key) }] : [];
  });
  const [present, sinks] = await Promise.all([
    cache.present(nodes.filter((n) => !n.writes).flatMap((n) => n.keys)),
    cache.sinksRecorded(nodes.filter((n) => n.writes).map((n) => n.fingerprint.node)),
  ]);
  const candidates = nodes.filter((n) => (n.writes ? sinks.has(n.fingerprint.node) : n.keys.every((key) => present.has(key)))).map((n) => n.id);
  return { candidates, present };
}

/**
 * A step a run computes inside its consumer's query keeps nothing, but it was computed: when the
 * consumer's result is kept and the step was recorded as fused under the same fingerprint, list it
 * as a run would show it ("within <consumer>"), so a reload shows the whole pipeline as it was.
 */
async function addFusedSteps(
  pipeline: ResolvedPipeline,
  fingerprints: Map<string, NodeFingerprint>,
  cache: CacheStore,
  results: Record<string, StoredNodeResult>,
): Promise<void> {
  const plan = await planFusion(pipeline, pipeline.order, fingerprints, cache);
  const steps = [...plan.fused].filter((id) => results[id] === undefined);
  const keyOf = (id: string) => Object.values(fingerprints.get(id)!.outputs)[0]!;
  const recorded = await cache.fusedBefore(steps.map(keyOf));
  // Latest steps first: a step fused into another fused step follows it to the query that ran.
  for (const id of [...steps].reverse()) {
    const consumer = plan.consumer.get(id)!;
    const into = results[consumer]?.fusedInto ?? consumer;
    if (recorded.has(keyOf(id)) && results[consumer]?.status === 'cached') results[id] = { status: 'cached', fusedInto: into };
  }
}
