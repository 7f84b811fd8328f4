/**
 * Which node outputs a run keeps in the cache, and which it computes inside their one consumer's
 * query ("fused"). Writing every step of a chain to the cache file cost about 8× the same chain as
 * one query on 1M rows (measured: scratch experiments, see bench/README.md), so a step whose only
 * use is one later SQL step is folded into that step as a view, as a hand-written query would be.
 *
 * Kept (materialised) are the outputs someone will come back to:
 * - leaves of the run (what the user ran to), outputs used by several steps or twice by one,
 * - inputs of worker nodes (training reads them; retraining must not recompute them),
 * - quality nodes (their checks read the output) and nodes with several outputs (split),
 * - a fused output computed again unchanged while its consumer changed: the user is iterating
 *   on the step after it, so it is kept this time and the next edit starts from it.
 * And in memory, for the life of the process: a costly fused input that a step reads twice is
 * stored once anyway (run-pipeline.ts, pinFusedInputs); it is kept for the next run.
 */
import type { CacheStore } from '../cache/cache-store.js';
import type { NodeFingerprint } from '../cache/fingerprint.js';
import type { ResolvedNode, ResolvedPipeline } from '../pipeline/document.js';

export interface FusionPlan {
  /** Nodes computed inside their consumer's query, not kept. */
  fused: Set<string>;
  /** For each fused node, the one node that consumes it. */
  consumer: Map<string, string>;
  /** Nodes fused before that are kept from this run on (the step after them is being changed). */
  promoted: Set<string>;
}

export async function planFusion(
  pipeline: ResolvedPipeline,
  order: readonly string[],
  fingerprints: Map<string, NodeFingerprint>,
  cache: CacheStore,
): Promise<FusionPlan> {
  const inRun = new Set(order);
  const uses = new Map<string, string[]>();
  for (const id of order) {
    for (const input of Object.values(pipeline.nodes.get(id)!.inputs)) {
      if (inRun.has(input.node)) uses.set(input.node, [...(uses.get(input.node) ?? []), id]);
    }
  }

  const candidates = new Map<string, string>();
  for (const id of order) {
    const node = pipeline.nodes.get(id)!;
    const users = uses.get(id) ?? [];
    const consumer = users.length === 1 ? pipeline.nodes.get(users[0]!) : undefined;
    if (consumer && fusible(node) && consumesInQuery(consumer)) candidates.set(id, consumer.id);
  }

  const outputKey = (id: string) => Object.values(fingerprints.get(id)!.outputs)[0]!;
  const keys = [...candidates.keys()].map(outputKey);
  const consumerKeys = [...new Set(candidates.values())].flatMap((id) => Object.values(fingerprints.get(id)!.outputs));
  const sinkKeys = [...new Set(candidates.values())].map((id) => fingerprints.get(id)!.node);
  const [present, fusedBefore, sinks] = await Promise.all([
    cache.present([...keys, ...consumerKeys]),
    cache.fusedBefore([...keys, ...consumerKeys]),
    cache.sinksRecorded(sinkKeys),
  ]);
  const seen = (id: string) => {
    const node = pipeline.nodes.get(id)!;
    if (node.definition.kind === 'sink') return sinks.has(fingerprints.get(id)!.node);
    return Object.values(fingerprints.get(id)!.outputs).every((key) => present.has(key) || fusedBefore.has(key));
  };

  const plan: FusionPlan = { fused: new Set(), consumer: new Map(), promoted: new Set() };
  for (const [id, consumer] of candidates) {
    const key = outputKey(id);
    if (present.has(key)) continue; // already in the cache: read from there
    if (fusedBefore.has(key) && !seen(consumer)) {
      plan.promoted.add(id); // iterated on: keep it this time
      continue;
    }
    plan.fused.add(id);
    plan.consumer.set(id, consumer);
  }
  return plan;
}

/** A plain SQL step with one output and no checks of its own. */
function fusible(node: ResolvedNode): boolean {
  const def = node.definition;
  return def.kind === 'table' && !def.check && node.outputs.length === 1 && node.outputs[0]!.type === 'table';
}

/** A consumer that reads its inputs inside DuckDB (a SQL step or a sink), not in a worker process. */
function consumesInQuery(node: ResolvedNode): boolean {
  return node.definition.kind === 'table' || node.definition.kind === 'sink';
}

/** The fused nodes `id` reads through, nearest last (topological order), following only fused links. */
export function fusedChain(pipeline: ResolvedPipeline, plan: FusionPlan, id: string): string[] {
  const chain = new Set<string>();
  const visit = (nodeId: string) => {
    for (const input of Object.values(pipeline.nodes.get(nodeId)!.inputs)) {
      if (plan.fused.has(input.node) && !chain.has(input.node)) {
        visit(input.node);
        chain.add(input.node);
      }
    }
  };
  visit(id);
  return pipeline.order.filter((n) => chain.has(n));
}
