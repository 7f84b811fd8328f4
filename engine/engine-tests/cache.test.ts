/**
 * The persistent cache, checked through the run store and the files on disk: what a re-run
 * recomputes, and why, after nothing / a param / a source file / a sink's output changed.
 */
import { existsSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Connection } from '../duckdb/database.js';
import { createEngine, type Engine } from '../engine.js';
import { ALL, CITIES, PEOPLE, pipeline } from './test-support/cache-fixture.js';
import { cacheContents, loadPipeline, openEngine, runFile, tempProject, type Project, type StoredRun } from './test-support/project.js';

function recomputed(run: StoredRun): string[] {
  return run.stored.nodes.filter((n) => n.status !== 'cached').map((n) => n.nodeId).sort();
}

function reasons(run: StoredRun): Record<string, string | null> {
  return Object.fromEntries(run.stored.nodes.filter((n) => n.status !== 'cached').map((n) => [n.nodeId, n.reason]));
}

describe('the persistent cache', () => {
  let project: Project;
  let engine: Engine;
  let file: string;

  beforeEach(async () => {
    project = tempProject({ 'data/people.csv': PEOPLE, 'data/cities.json': CITIES, 'pipeline.yaml': pipeline() });
    file = project.file('pipeline.yaml');
    engine = await openEngine(project);
  });
  afterEach(async () => {
    await engine.dispose();
    project.remove();
  });

  it('a second run recomputes nothing: every node is cached in the run store', async () => {
    const first = await runFile(engine, file);
    expect(first.stored.run.status).toBe('succeeded');
    expect(first.withStatus('done')).toEqual(ALL);
    expect(first.stored.nodes.every((n) => n.reason === 'not run before' && !n.cacheHit)).toBe(true);
    expect(readFileSync(project.file('out/joined.csv'), 'utf8')).toBe(
      'id,name,Score (pts),double,city\n1,Ann,10,20,Oslo\n2,Bo,20,40,Lima\n5,O\'Brien,40,80,Oslo\n',
    );

    const second = await runFile(engine, file);
    expect(second.stored.run.status).toBe('succeeded');
    expect(second.withStatus('cached')).toEqual(ALL);
    expect(second.stored.nodes.every((n) => n.cacheHit)).toBe(true);
    expect(second.stored.run.counts).toMatchObject({ total: 8, cached: 8, done: 0 });
    // cities feeds two steps, so it is kept with its row count; joined was computed inside the
    // report sink's query (fused), so it has no count of its own.
    expect(second.node('cities').rows).toBe(3);
    expect(second.node('joined').rows ?? null).toBe(null);
    expect(second.node('report').reason).toMatch(/unchanged/);
  });

  it('changing one param recomputes that node and its descendants, saying why, and keeps the step before it from then on', async () => {
    await runFile(engine, file);
    project.write('pipeline.yaml', pipeline(15));

    const rerun = await runFile(engine, file);
    expect(rerun.stored.run.status).toBe('succeeded');
    // people was computed inside adults' query in the first run (fused, not kept): it is computed
    // again, and kept this time, since the step after it is being changed.
    expect(recomputed(rerun)).toEqual(['adults', 'joined', 'people', 'report', 'scored']);
    expect(reasons(rerun)).toEqual({
      people: 'unchanged; kept in the cache from now on, as the step after it changes',
      adults: 'params changed',
      scored: 'upstream adults changed',
      joined: 'upstream scored changed',
      report: 'upstream joined changed',
    });
    expect(rerun.withStatus('cached')).toEqual(['by_city', 'cities', 'summary']);
    expect(readFileSync(project.file('out/joined.csv'), 'utf8')).toBe('id,name,Score (pts),double,city\n2,Bo,20,40,Lima\n5,O\'Brien,40,80,Oslo\n');

    // The next edit of the same step starts from the kept people table.
    project.write('pipeline.yaml', pipeline(25));
    const third = await runFile(engine, file);
    expect(recomputed(third)).toEqual(['adults', 'joined', 'report', 'scored']);
    expect(third.node('people').reason).toBe('unchanged');
    expect(readFileSync(project.file('out/joined.csv'), 'utf8')).toBe('id,name,Score (pts),double,city\n5,O\'Brien,40,80,Oslo\n');
  });

  it('a source file with a new modification time recomputes what depends on it; the rest is only computed again once', async () => {
    await runFile(engine, file);
    project.touch('data/cities.json');

    const rerun = await runFile(engine, file);
    expect(rerun.stored.run.status).toBe('succeeded');
    expect(rerun.node('cities').reason).toBe('source file changed (cities.json)');
    expect(rerun.node('by_city').reason).toBe('upstream cities changed');
    expect(rerun.node('joined').reason).toBe('upstream cities changed');
    // people → adults → scored were fused into joined's query; joined changes, so scored is kept from now on.
    expect(rerun.node('scored').reason).toBe('unchanged; kept in the cache from now on, as the step after it changes');
    expect(rerun.node('adults').reason).toBe('unchanged; computed again within scored (not kept in the cache)');

    project.touch('data/cities.json');
    const again = await runFile(engine, file);
    expect(recomputed(again)).toEqual(['by_city', 'cities', 'joined', 'report', 'summary']);
    expect(again.withStatus('cached')).toEqual(['adults', 'people', 'scored']);
  });

  it('an edited source file is read again and its new rows reach the outputs', async () => {
    await runFile(engine, file);
    project.write('data/people.csv', `${PEOPLE}6,Eve,60\n`);

    const rerun = await runFile(engine, file);
    expect(recomputed(rerun)).toEqual(['adults', 'joined', 'people', 'report', 'scored']);
    expect(rerun.node('people').reason).toBe('source file changed (people.csv)');
    // people and adults are fused into later steps (no counts of their own): their previews show the new rows.
    const loaded = await loadPipeline(engine, file);
    expect((await engine.preview(loaded, 'people')).rows).toHaveLength(6);
    // Eve has no city: the inner join leaves her out, but the filter saw her.
    expect((await engine.preview(loaded, 'adults')).rows).toHaveLength(4);
    expect(readFileSync(project.file('out/joined.csv'), 'utf8')).not.toMatch(/Eve/);
  });

  it('deleting a sink output file makes that sink write it again, with only the steps fused into it', async () => {
    await runFile(engine, file);
    rmSync(project.file('out/summary.parquet'));

    const rerun = await runFile(engine, file);
    expect(recomputed(rerun)).toEqual(['by_city', 'summary']);
    expect(rerun.node('by_city').reason).toBe('unchanged; computed again within summary (not kept in the cache)');
    expect(rerun.node('summary').status).toBe('done');
    expect(existsSync(project.file('out/summary.parquet'))).toBe(true);
  });

  it('a sink output file changed by hand is written again', async () => {
    await runFile(engine, file);
    project.write('out/joined.csv', 'edited by hand\n');

    const rerun = await runFile(engine, file);
    // The steps fused into the sink's query are computed again with it; cities is kept.
    expect(recomputed(rerun)).toEqual(['adults', 'joined', 'people', 'report', 'scored']);
    expect(readFileSync(project.file('out/joined.csv'), 'utf8')).toMatch(/^id,name,Score \(pts\),double,city\n/);
  });

  it('running one node runs only it and its ancestors', async () => {
    const run = await runFile(engine, file, { target: 'scored' });
    expect(run.stored.run).toMatchObject({ status: 'succeeded', targetNode: 'scored' });
    expect(run.stored.nodes.map((n) => n.nodeId).sort()).toEqual(['adults', 'people', 'scored']);
    expect(run.withStatus('done')).toEqual(['adults', 'people', 'scored']);
    expect(existsSync(project.file('out'))).toBe(false);

    // The whole pipeline afterwards reuses what that run computed.
    const all = await runFile(engine, file);
    expect(all.withStatus('cached')).toEqual(['adults', 'people', 'scored']);
    expect(all.withStatus('done')).toEqual(['by_city', 'cities', 'joined', 'report', 'summary']);
  });
});

describe('the in-memory tier of a long-lived engine', () => {
  // sorted (costly) feeds filled, which reads its input twice (means, then rows): the run stores
  // sorted once in memory anyway, and keeps it there for the next run of this engine.
  const fitted = (bonus: number) => `millrace: 1
name: memory-tier
nodes:
  - id: people
    type: read_csv
    params: { path: data/people.csv }
  - id: sorted
    type: sort
    inputs: { in: people }
    params: { by: [{ column: id }] }
  - id: filled
    type: fill_missing
    inputs: { in: sorted }
    params: { columns: [Score (pts)], strategy: mean }
  - id: scored
    type: derive
    inputs: { in: filled }
    params: { columns: { bonus: '"Score (pts)" + ${bonus}' } }
  - id: report
    type: write_csv
    inputs: { in: scored }
    params: { path: out/scored.csv }
`;

  it('an edit after a step that reads its input twice starts from that input, kept in memory', async () => {
    const project = tempProject({ 'data/people.csv': PEOPLE, 'pipeline.yaml': fitted(1) });
    const engine = await openEngine(project);
    try {
      const first = await runFile(engine, project.file('pipeline.yaml'));
      expect(first.stored.run.status).toBe('succeeded');
      project.write('pipeline.yaml', fitted(2));
      const second = await runFile(engine, project.file('pipeline.yaml'));
      expect(recomputed(second)).toEqual(['filled', 'report', 'scored']);
      expect(second.node('sorted').rows).toBe(5);
      // Cy's missing score is the mean of the others (10, 20, 3, 40 → 18.25), kept an integer like its column.
      expect(readFileSync(project.file('out/scored.csv'), 'utf8').split('\n')[3]).toBe('3,Cy,18,20');
    } finally {
      await engine.dispose();
      project.remove();
    }
  });
  it('a preview after such a step computes its costly input once and keeps it: the run that follows starts from it', async () => {
    const project = tempProject({ 'data/people.csv': PEOPLE, 'pipeline.yaml': fitted(1) });
    const engine = await openEngine(project);
    try {
      const pipeline = await loadPipeline(engine, project.file('pipeline.yaml'));
      const preview = await engine.preview(pipeline, 'scored', { limit: 10 });
      expect(preview.cached).toBe(false);
      expect(preview.rows.find((r) => r.name === 'Cy')).toMatchObject({ 'Score (pts)': 18, bonus: 19 });
      expect(engine.runStore.listRuns()).toEqual([]);
      const run = await runFile(engine, project.file('pipeline.yaml'));
      expect(recomputed(run)).toEqual(['filled', 'report', 'scored']);
      expect(run.node('sorted')).toMatchObject({ status: 'cached', rows: 5 });
    } finally {
      await engine.dispose();
      project.remove();
    }
  });
  it('a fitted step\'s statistics are computed once per version of its data: the next previews reuse them, a changed file computes them again', async () => {
    const project = tempProject({ 'data/people.csv': PEOPLE, 'pipeline.yaml': fitted(1) });
    const engine = await openEngine(project);
    // A spy on the real connection (real DuckDB underneath) counts the scans that fit the mean.
    const query = vi.spyOn(Connection.prototype, 'query');
    const meanScans = () => query.mock.calls.filter(([sql]) => sql.includes('avg(')).length;
    try {
      const pipeline = await loadPipeline(engine, project.file('pipeline.yaml'));
      const cy = async (node: string) => (await engine.preview(pipeline, node, { limit: 10 })).rows.find((r) => r.name === 'Cy');
      expect(await cy('scored')).toMatchObject({ 'Score (pts)': 18 });
      expect(meanScans()).toBe(1);
      expect(await cy('filled')).toMatchObject({ 'Score (pts)': 18 });
      expect(await cy('scored')).toMatchObject({ 'Score (pts)': 18 });
      expect(meanScans()).toBe(1);

      // Same size, a later modification time: a new version of the data, so a new mean (10, 20, 6, 40 → 19).
      project.write('data/people.csv', PEOPLE.replace('4,Di,3', '4,Di,6'));
      utimesSync(project.file('data/people.csv'), new Date(), new Date(Date.now() + 5000));
      const changed = await loadPipeline(engine, project.file('pipeline.yaml'));
      expect((await engine.preview(changed, 'scored', { limit: 10 })).rows.find((r) => r.name === 'Cy')).toMatchObject({ 'Score (pts)': 19 });
      expect(meanScans()).toBe(2);
    } finally {
      query.mockRestore();
      await engine.dispose();
      project.remove();
    }
  });
});

describe('the cache size budget', () => {
  let project: Project;
  beforeEach(() => {
    project = tempProject();
  });
  afterEach(() => project.remove());

  /** One node whose output takes about 1.6 MB in the cache file (random doubles do not compress); `n` makes each version a new output. */
  const version = (n: number) => `millrace: 1
name: budget
nodes:
  - id: noise
    type: sql
    params: { query: 'SELECT random() AS v FROM range(${200_000 + n})' }
`;

  it('beyond the budget, the least recently used outputs are dropped, only as many as needed, never the latest run\'s', async () => {
    const engine = await createEngine({ projectDir: project.dir, threads: 2, memoryLimit: '1GB', cacheBudgetBytes: 5 * 1024 ** 2 });
    try {
      for (const n of [1, 2, 3]) {
        project.write('pipeline.yaml', version(n));
        expect((await runFile(engine, project.file('pipeline.yaml'))).stored.run.status).toBe('succeeded');
      }
      // Versions 2 and 3 fit (about 3.2 MB); version 1 was the least recently used.
      project.write('pipeline.yaml', version(2));
      expect((await runFile(engine, project.file('pipeline.yaml'))).withStatus('cached')).toEqual(['noise']);
      project.write('pipeline.yaml', version(1));
      expect((await runFile(engine, project.file('pipeline.yaml'))).withStatus('done')).toEqual(['noise']);
    } finally {
      await engine.dispose();
    }
    expect((await cacheContents(project)).entries).toBe(2);
  });
});
