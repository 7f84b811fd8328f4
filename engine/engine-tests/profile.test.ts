/**
 * engine.profile on a pipeline node: every statistic DESIGN.md §4 lists, per column kind, and
 * the result cached by the node's fingerprint (across engines, not just in memory).
 */
import { utimesSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../engine.js';
import type { ColumnProfile, TableProfile } from '../profile/profile-types.js';
import { loadPipeline, openEngine, runFile, tempProject, type Project } from './test-support/project.js';

const SPECIES = ['Adelie', 'Adelie', 'Gentoo', "O'Brien (chick)"];

/** 40 rows: a two-digit score (i + offset) with NULLs, text with a quote and parentheses, dates. */
function birds(offset: number): string {
  const lines = ['id,species,Score (pts),seen'];
  for (let i = 1; i <= 40; i++) {
    const day = new Date(Date.UTC(2024, 0, i)).toISOString().slice(0, 10);
    lines.push(`${i},"${SPECIES[i % 4]}",${i % 10 === 0 ? '' : i + offset},${day}`);
  }
  return `${lines.join('\n')}\n`;
}

const PIPELINE = `millrace: 1
name: profile-behaviour
nodes:
  - id: birds
    type: read_csv
    params: { path: data/birds.csv, types: { Score (pts): INTEGER } }
  - id: scored
    type: derive
    inputs: { in: birds }
    params: { columns: { half: '"Score (pts)" / 2' } }
`;

const column = (profile: TableProfile, name: string): ColumnProfile => {
  const found = profile.columns.find((c) => c.name === name);
  if (!found) throw new Error(`no column ${name} in ${profile.columns.map((c) => c.name).join(', ')}`);
  return found;
};

describe('profile', () => {
  let project: Project;
  let engine: Engine;
  beforeEach(async () => {
    project = tempProject({ 'data/birds.csv': birds(10), 'pipeline.yaml': PIPELINE });
    engine = await openEngine(project);
  });
  afterEach(async () => {
    await engine.dispose();
    project.remove();
  });

  it('gives type, counts, range, moments, quantiles and a histogram for numbers, top values for text, a histogram for dates', async () => {
    const pipeline = await loadPipeline(engine, project.file('pipeline.yaml'));
    const profile = await engine.profile(pipeline, 'scored');
    expect(profile).toMatchObject({ rowCount: 40, sampled: false });
    expect(profile.columns.map((c) => c.name)).toEqual(['id', 'species', 'Score (pts)', 'seen', 'half']);

    const score = column(profile, 'Score (pts)');
    expect(score).toMatchObject({ type: 'INTEGER', kind: 'number', count: 36, nulls: 4, distinct: 36, min: 11, max: 49 });
    // Mean and std of 11..49 without 20, 30 and 40.
    const values = Array.from({ length: 39 }, (_, i) => i + 1).filter((v) => v % 10 !== 0).map((v) => v + 10);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const std = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
    expect(score.mean).toBeCloseTo(mean, 9);
    expect(score.std).toBeCloseTo(std, 9);
    expect(Object.keys(score.quantiles ?? {})).toEqual(['p05', 'p25', 'p50', 'p75', 'p95']);
    expect(score.quantiles?.p50).toBeGreaterThanOrEqual(29);
    expect(score.quantiles?.p50).toBeLessThanOrEqual(31);
    expect(score.histogram!.length).toBeGreaterThan(1);
    expect(score.histogram!.reduce((n, bin) => n + bin.count, 0)).toBe(36);
    expect(score.histogram![0]!.lower).toBe(11);

    const species = column(profile, 'species');
    expect(species).toMatchObject({ kind: 'text', count: 40, nulls: 0, distinct: 3, min: 'Adelie', max: "O'Brien (chick)" });
    expect(species.top_values).toEqual([
      { value: 'Adelie', count: 20 },
      { value: 'Gentoo', count: 10 },
      { value: "O'Brien (chick)", count: 10 },
    ]);
    expect(species.histogram).toBeUndefined();

    const seen = column(profile, 'seen');
    expect(seen).toMatchObject({ type: 'DATE', kind: 'date', count: 40, distinct: 40, min: '2024-01-01', max: '2024-02-09' });
    expect(seen.histogram!.reduce((n, bin) => n + bin.count, 0)).toBe(40);

    expect(column(profile, 'half')).toMatchObject({ kind: 'number', nulls: 4, min: 5.5, max: 24.5 });
  });

  it('a second request is served from the cache by fingerprint, also by a new engine; a changed source is profiled afresh', async () => {
    // A whole second, so that setting it again below gives exactly the same modification time.
    const file = project.file('data/birds.csv');
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    const pipeline = await loadPipeline(engine, project.file('pipeline.yaml'));
    const first = await engine.profile(pipeline, 'birds');
    const again = await engine.profile(pipeline, 'birds');
    expect(again).toEqual(first); // elapsedMs included: this is the stored profile, not a new one

    // Same size and modification time, other values: the fingerprint is unchanged, so the cached profile is what comes back.
    project.write('data/birds.csv', birds(50)); // still two digits a value: the same size
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    await engine.dispose();
    engine = await openEngine(project);
    const reopened = await loadPipeline(engine, project.file('pipeline.yaml'));
    expect(await engine.profile(reopened, 'birds')).toEqual(first);

    // A new modification time is a new fingerprint: the new values are profiled.
    project.touch('data/birds.csv');
    const touched = await loadPipeline(engine, project.file('pipeline.yaml'));
    const fresh = await engine.profile(touched, 'birds');
    expect(column(fresh, 'Score (pts)')).toMatchObject({ min: 51, max: 89 });
  });

  it('identical concurrent requests share one computation', async () => {
    const pipeline = await loadPipeline(engine, project.file('pipeline.yaml'));
    const [a, b] = await Promise.all([engine.profile(pipeline, 'scored'), engine.profile(pipeline, 'scored')]);
    expect(a).toBe(b);
  });

  it('profiles a cached output after a run, and a sample when asked', async () => {
    await runFile(engine, project.file('pipeline.yaml'));
    const pipeline = await loadPipeline(engine, project.file('pipeline.yaml'));
    const full = await engine.profile(pipeline, 'scored');
    expect(column(full, 'Score (pts)')).toMatchObject({ count: 36, nulls: 4 });
    const sample = await engine.profile(pipeline, 'scored', { sampleRows: 10 });
    // About that many random rows, and labelled with how many it really were.
    expect(sample).toMatchObject({ rowCount: 40, sampled: true });
    expect(sample.sampleRows).toBeLessThan(40);
    expect(column(sample, 'id').count).toBe(sample.sampleRows);
  });
});
