/**
 * engine.storedResults: which nodes' results are kept from earlier runs (what the canvas shows
 * when a pipeline opens again), checked against what runs really did and against the cache file.
 */
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredNodeResult } from '../contract/api.js';
import type { NodeRunSummary } from '../contract/events.js';
import { Database } from '../duckdb/database.js';
import type { Engine } from '../engine.js';
import { PEOPLE } from './test-support/cache-fixture.js';
import { loadPipeline, openEngine, runFile, tempProject, type Project } from './test-support/project.js';

// people ─┬→ names (kept: a leaf)
//         └→ adults (fused into checked) → checked (assert) → parts (split) ─┬ train → train_file (CSV)
//                                                                            └ test → test_rows (kept: a leaf)
function pipeline(options: { max?: number; onFail?: 'warn' | 'error' } = {}): string {
  return `millrace: 1
name: stored-results
nodes:
  - id: people
    type: read_csv
    params: { path: data/people.csv }
  - id: names
    type: derive
    inputs: { in: people }
    params: { columns: { "Name (upper)": upper(name) } }
  - id: adults
    type: filter
    inputs: { in: people }
    params: { condition: '"Score (pts)" > 5' }
  - id: checked
    type: assert
    inputs: { in: adults }
    params:
      checks:
        - { column: Score (pts), check: between, min: 0, max: ${options.max ?? 30} }
      on_fail: ${options.onFail ?? 'warn'}
  - id: parts
    type: split
    inputs: { in: checked }
    params: { fractions: { train: 0.5, test: 0.5 }, seed: 3 }
  - id: train_file
    type: write_csv
    inputs: { in: parts.train }
    params: { path: "out/train set.csv" }
  - id: test_rows
    type: derive
    inputs: { in: parts.test }
    params: { columns: { double: '"Score (pts)" * 2' } }
`;
}

/** What a run said about a node, in the shape storedResults answers. */
function asStored(summary: NodeRunSummary): StoredNodeResult {
  const { rows, columns, outputRows, failedChecks, warnings, error } = summary;
  const shown = { rows, columns, outputRows, failedChecks, warnings, error };
  return { status: summary.status === 'failed' ? 'failed' : 'cached', ...Object.fromEntries(Object.entries(shown).filter(([, v]) => v !== undefined)) };
}

/** The cache's metadata rows that a look must not change: last use times, remembered parts, sink records. */
async function cacheMetadata(project: Project): Promise<string> {
  const db = await Database.open({ path: project.file('.millrace/cache.duckdb'), threads: 1, memoryLimit: '256MB' });
  const connection = await db.connect();
  try {
    const entries = await connection.query('SELECT key, rows, columns, CAST(last_used_at AS VARCHAR) AS used FROM _millrace_entries ORDER BY key');
    const parts = await connection.query('SELECT pipeline, node_id, CAST(parts AS VARCHAR) AS parts FROM _millrace_node_parts ORDER BY 1, 2');
    const sinks = await connection.query('SELECT key, CAST(files AS VARCHAR) AS files FROM _millrace_sinks ORDER BY key');
    const fused = await connection.query('SELECT key, CAST(last_seen_at AS VARCHAR) AS seen FROM _millrace_fused ORDER BY key');
    return JSON.stringify({ entries: entries.rows, parts: parts.rows, sinks: sinks.rows, fused: fused.rows });
  } finally {
    connection.close();
    db.close();
  }
}

describe('results kept from earlier runs', () => {
  let project: Project;
  let engine: Engine;
  let file: string;
  const stored = async () => engine.storedResults(await loadPipeline(engine, file));

  beforeEach(async () => {
    project = tempProject({ 'data/people.csv': PEOPLE, 'pipeline.yaml': pipeline() });
    file = project.file('pipeline.yaml');
    engine = await openEngine(project);
  });
  afterEach(async () => {
    await engine.dispose();
    project.remove();
  });

  it('a pipeline never run has nothing kept', async () => {
    expect(await stored()).toEqual({});
  });

  it('after a run: every kept output with the rows, columns and checks the run reported, the sink, and the fused step within its consumer', async () => {
    const run = await runFile(engine, file);
    expect(run.summary.status).toBe('succeeded');
    const byId = new Map(run.summary.nodes.map((n) => [n.nodeId, n]));
    expect(byId.get('adults')?.fusedInto).toBe('checked');

    const kept = await stored();
    expect(Object.keys(kept).sort()).toEqual(['adults', 'checked', 'names', 'parts', 'people', 'test_rows', 'train_file']);
    // Computed inside checked's query, nothing of its own kept: shown as the run showed it.
    expect(kept.adults).toEqual({ status: 'cached', fusedInto: 'checked' });
    for (const [id, result] of Object.entries(kept)) if (id !== 'adults') expect(result, id).toEqual(asStored(byId.get(id)!));
    expect(kept.people).toEqual({ status: 'cached', rows: 5, columns: 3 });
    expect(kept.names).toEqual({ status: 'cached', rows: 5, columns: 4 });
    expect(kept.parts?.outputRows?.train).toBeGreaterThan(0);
    expect((kept.parts?.outputRows?.train ?? 0) + (kept.parts?.outputRows?.test ?? 0)).toBe(3);
    expect(kept.train_file).toEqual({ status: 'cached', rows: kept.parts?.outputRows?.train });
    // O'Brien's 40 points break the check; on_fail: warn keeps the node going.
    expect(kept.checked).toMatchObject({ status: 'cached', rows: 3, failedChecks: 1 });
    expect(kept.checked?.warnings?.[0]).toMatch(/^Score \(pts\): between — .*40/);
  });

  it('editing a param: that node and everything after it are no longer listed, the rest still is', async () => {
    await runFile(engine, file);
    project.write('pipeline.yaml', pipeline({ max: 50 }));
    expect(Object.keys(await stored()).sort()).toEqual(['names', 'people']);
  });

  it('a sink whose output file was deleted is no longer listed, the rest still is', async () => {
    await runFile(engine, file);
    rmSync(project.file('out/train set.csv'));
    expect(Object.keys(await stored()).sort()).toEqual(['adults', 'checked', 'names', 'parts', 'people', 'test_rows']);
  });

  it('a kept check that failed with on_fail: error is listed as failed, with the error the run gave', async () => {
    project.write('pipeline.yaml', pipeline({ onFail: 'error' }));
    const run = await runFile(engine, file);
    const checked = run.summary.nodes.find((n) => n.nodeId === 'checked')!;
    expect(checked.status).toBe('failed');

    const kept = await stored();
    // adults ran inside checked's query, whose checks stop the run: not shown as kept.
    expect(Object.keys(kept).sort()).toEqual(['checked', 'names', 'people']);
    expect(kept.checked).toEqual({ status: 'failed', rows: 3, columns: 3, failedChecks: 1, error: checked.error });
  });

  it('asking records no run, and the next run serves exactly the listed nodes from the cache', async () => {
    await runFile(engine, file);
    const first = await stored();
    expect(await stored()).toEqual(first);
    expect(engine.runStore.listRuns()).toHaveLength(1);

    const again = await runFile(engine, file);
    expect(again.summary.nodes.every((n) => n.status === 'cached')).toBe(true);
    const served = again.summary.nodes.map((n) => [n.nodeId, n.fusedInto ?? null]).sort();
    expect(served).toEqual(Object.entries(first).map(([id, r]) => [id, r.fusedInto ?? null]).sort());
    expect(engine.runStore.listRuns()).toHaveLength(2);
  });

  it('asking writes nothing to the cache: last use times, remembered parts and sink records stay as they were', async () => {
    await runFile(engine, file);
    await engine.dispose();
    const before = await cacheMetadata(project);

    engine = await openEngine(project);
    expect(Object.keys(await stored())).toHaveLength(7);
    await engine.dispose();
    expect(await cacheMetadata(project)).toBe(before);
    // afterEach disposes it again.
    engine = await openEngine(project);
  });
});
