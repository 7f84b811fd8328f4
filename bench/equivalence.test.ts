/**
 * The three sides of the benchmark compute the same thing: Millrace running bench/pipeline.yaml,
 * bench/hand-query.sql on raw DuckDB, and bench/pandas_pipeline.py — checked row by row on a small
 * generated dataset, so the ratios the bench prints compare like with like.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearState, createBenchProject, openPipeline, runToCompletion, type BenchProject } from './bench-project.js';
import { compareResults } from './compare-tables.js';
import { handQuery } from './hand-query.js';
import { dataRoot, benchDir } from './paths.js';
import { lastJsonLine, probePython, runPython, type PythonEnv } from './python-env.js';
import { openReference, sqlString, type ReferenceDuckDB } from './reference-duckdb.js';
import { ensureDataset, type Dataset } from './synthetic-data.js';

const ROWS = 6000;
const settings = { threads: 2, memoryLimit: '2GB' };

let work: string;
let dataset: Dataset;
let project: BenchProject;
let duckdb: ReferenceDuckDB;
let python: PythonEnv;
let hand: string;

beforeAll(async () => {
  python = await probePython();
  dataset = await ensureDataset(dataRoot, ROWS, { csv: python.pandas !== null });
  work = mkdtempSync(path.join(os.tmpdir(), 'millrace-bench-eq-'));
  project = createBenchProject(work, 'project', dataset);
  duckdb = await openReference(settings, path.join(work, 'duckdb-tmp'));
  hand = handQuery({ events: dataset.eventsParquet, stores: dataset.storesParquet });
});

afterAll(() => {
  duckdb?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the bench pipeline, the hand-written query and the pandas script agree', () => {
  it("Millrace's run writes exactly the rows and columns of the hand-written query", async () => {
    clearState(project);
    const { engine, pipeline } = await openPipeline(project, settings);
    try {
      await runToCompletion(engine, pipeline);
    } finally {
      await engine.dispose();
    }
    const difference = await compareResults(duckdb.connection, hand, `SELECT * FROM read_parquet(${sqlString(project.outputFile)})`, { key: 'id' });
    expect(difference.problems).toEqual([]);
    expect(difference.rows).toBeGreaterThan(ROWS * 0.9);
  });

  it("Millrace's preview of step 10 shows rows of the hand-written query, with equal values", async () => {
    clearState(project);
    const { engine, pipeline } = await openPipeline(project, settings);
    let rows: Record<string, unknown>[];
    try {
      rows = (await engine.preview(pipeline, 'features', { limit: 100 })).rows;
    } finally {
      await engine.dispose();
    }
    expect(rows).toHaveLength(100);
    const ids = rows.map((row) => Number(row.id));
    const reader = await duckdb.connection.runAndReadAll(`SELECT * FROM (\n${hand}\n) WHERE id IN (${ids.join(', ')}) ORDER BY id`);
    const expected = reader.getRowObjectsJson();
    expect(expected).toHaveLength(100);
    const byId = new Map(rows.map((row) => [Number(row.id), row]));
    for (const want of expected) {
      const got = byId.get(Number(want.id))!;
      expect(Object.keys(got)).toEqual(Object.keys(want));
      for (const [column, value] of Object.entries(want)) {
        const actual = got[column];
        if (typeof value === 'number' && typeof actual === 'number') expect(actual, `id ${String(want.id)} ${column}`).toBeCloseTo(value, 9);
        else expect(actual === null ? null : String(actual), `id ${String(want.id)} ${column}`).toBe(value === null ? null : String(value));
      }
    }
  });

  it('the pandas script writes the same rows and columns as the hand-written query (when pandas is present)', async (context) => {
    if (python.pandas === null || python.python === null) {
      context.skip();
      return;
    }
    const out = path.join(work, 'pandas.csv');
    const stdout = await runPython(python.python, [path.join(benchDir, 'pandas_pipeline.py'), dataset.eventsCsv, dataset.storesCsv, out]);
    const { rows } = lastJsonLine<{ rows: number }>(stdout);
    const difference = await compareResults(duckdb.connection, hand, `SELECT * FROM read_csv(${sqlString(out)})`, { key: 'id' });
    expect(difference.problems).toEqual([]);
    expect(difference.rows).toBe(rows);
  });

  it('the comparison catches a query that differs in one derived value', async () => {
    const changed = hand.replace('WHEN revenue > 150 THEN 1', 'WHEN revenue > 100 THEN 1');
    expect(changed).not.toBe(hand);
    const difference = await compareResults(duckdb.connection, hand, changed, { key: 'id' });
    expect(difference.problems.length).toBeGreaterThan(0);
    expect(difference.problems[0]).toContain('high_value');
  });
});
