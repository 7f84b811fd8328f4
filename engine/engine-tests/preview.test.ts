/**
 * Preview composes the upstream chain lazily: it materialises nothing, records no run, and
 * returns the first rows of a late step without computing the steps before it in full.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../engine.js';
import { NodePreviewError } from '../preview/lazy-relation.js';
import { cacheContents, loadPipeline, openEngine, runFile, tempProject, type Project } from './test-support/project.js';

const PEOPLE = 'id,name,Score (pts)\n1,Ann,10\n2,Bo,20\n3,Cy,\n4,Di,3\n5,"O\'Brien",40\n6,Eve,60\n';

const PIPELINE = `millrace: 1
name: preview-behaviour
nodes:
  - id: people
    type: read_csv
    params: { path: data/people.csv }
  - id: adults
    type: filter
    inputs: { in: people }
    params: { condition: '"Score (pts)" > 5' }
  - id: scored
    type: derive
    inputs: { in: adults }
    params: { columns: { double: '"Score (pts)" * 2' } }
  - id: ranked
    type: sort
    inputs: { in: scored }
    params: { by: [{ column: double, descending: true }] }
  - id: report
    type: write_csv
    inputs: { in: ranked }
    params: { path: out/ranked.csv }
`;

// Ten billion rows: computing any step in full would take far longer than the test may run.
const HUGE = `millrace: 1
name: huge
nodes:
  - id: numbers
    type: sql
    params: { query: 'SELECT range AS x FROM range(10000000000)' }
  - id: even
    type: filter
    inputs: { in: numbers }
    params: { condition: x % 2 = 0 }
  - id: tenfold
    type: derive
    inputs: { in: even }
    params: { columns: { y: x * 10 } }
`;

describe('preview', () => {
  let project: Project;
  let engine: Engine;
  beforeEach(async () => {
    project = tempProject({ 'data/people.csv': PEOPLE, 'pipeline.yaml': PIPELINE, 'huge.yaml': HUGE });
    engine = await openEngine(project);
  });
  afterEach(async () => {
    await engine.dispose();
    project.remove();
  });

  it('previewing a late node in a fresh project returns its first rows and materialises nothing', async () => {
    const pipeline = await loadPipeline(engine, project.file('pipeline.yaml'));
    const preview = await engine.preview(pipeline, 'ranked', { limit: 3 });
    expect(preview).toMatchObject({ nodeId: 'ranked', port: 'out', cached: false, totalRows: null, offset: 0 });
    expect(preview.columns.map((c) => c.name)).toEqual(['id', 'name', 'Score (pts)', 'double']);
    expect(preview.rows).toEqual([
      { id: 6, name: 'Eve', 'Score (pts)': 60, double: 120 },
      { id: 5, name: "O'Brien", 'Score (pts)': 40, double: 80 },
      { id: 2, name: 'Bo', 'Score (pts)': 20, double: 40 },
    ]);
    const page = await engine.preview(pipeline, 'ranked', { limit: 3, offset: 3 });
    expect(page.rows.map((r) => r.name)).toEqual(['Ann']);

    // No run was recorded, no output written, and the cache file holds no node output.
    expect(engine.runStore.listRuns()).toEqual([]);
    await engine.dispose();
    expect(await cacheContents(project)).toEqual({ tables: [], entries: 0 });

    // So the first real run computes every node: none of them was quietly cached by the preview.
    engine = await openEngine(project);
    const run = await runFile(engine, project.file('pipeline.yaml'));
    expect(run.withStatus('done')).toEqual(['adults', 'people', 'ranked', 'report', 'scored']);
    expect(run.stored.nodes.every((n) => n.reason === 'not run before')).toBe(true);
  });

  it('the first rows of a late step over ten billion rows come back without computing the steps before it', async () => {
    const pipeline = await loadPipeline(engine, project.file('huge.yaml'));
    const started = Date.now();
    const preview = await engine.preview(pipeline, 'tenfold', { limit: 4 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(preview.cached).toBe(false);
    expect(preview.rows).toEqual([
      { x: 0, y: 0 },
      { x: 2, y: 20 },
      { x: 4, y: 40 },
      { x: 6, y: 60 },
    ]);
  });

  it('after a run, a preview reads a kept output and knows the total row count; a fused step is computed for the preview', async () => {
    await runFile(engine, project.file('pipeline.yaml'));
    const pipeline = await loadPipeline(engine, project.file('pipeline.yaml'));
    // scored was computed inside the sink's query (fused) and not kept: its preview computes it.
    const fused = await engine.preview(pipeline, 'scored', { limit: 2 });
    expect(fused).toMatchObject({ nodeId: 'scored', cached: false, totalRows: null });
    expect(fused.rows).toEqual([
      { id: 1, name: 'Ann', 'Score (pts)': 10, double: 20 },
      { id: 2, name: 'Bo', 'Score (pts)': 20, double: 40 },
    ]);
    // Running to scored keeps it (it is the run's last step): now it is read from the cache.
    await runFile(engine, project.file('pipeline.yaml'), { target: 'scored' });
    const kept = await engine.preview(pipeline, 'scored', { limit: 2 });
    expect(kept).toMatchObject({ nodeId: 'scored', cached: true, totalRows: 4 });
    expect(kept.rows).toEqual(fused.rows);
    // A sink previews the table it writes.
    const sink = await engine.preview(pipeline, 'report', { limit: 1 });
    expect(sink).toMatchObject({ nodeId: 'ranked', rows: [{ name: 'Eve' }] });
    // And previewing changes nothing in the run history.
    expect(engine.runStore.listRuns()).toHaveLength(2);
  });

  it('a node after a changed step is previewed from the new params, not the stale cache', async () => {
    await runFile(engine, project.file('pipeline.yaml'));
    project.write('pipeline.yaml', PIPELINE.replace('"Score (pts)" > 5', '"Score (pts)" > 30'));
    const pipeline = await loadPipeline(engine, project.file('pipeline.yaml'));
    const preview = await engine.preview(pipeline, 'ranked');
    expect(preview.cached).toBe(false);
    expect(preview.rows.map((r) => r.name)).toEqual(['Eve', "O'Brien"]);
  });

  it('a broken upstream step makes the preview fail naming that step', async () => {
    project.write('pipeline.yaml', PIPELINE.replace('"Score (pts)" > 5', 'no_such_column > 5'));
    const pipeline = await loadPipeline(engine, project.file('pipeline.yaml'));
    const failure = engine.preview(pipeline, 'ranked');
    await expect(failure).rejects.toBeInstanceOf(NodePreviewError);
    await expect(failure).rejects.toMatchObject({ nodeId: 'adults', message: expect.stringMatching(/^Upstream node "adults" failed: .*no_such_column/s) });
  });
});
