/**
 * Case 3: the full pipeline to its Parquet sink, cold cache — Millrace's run (fresh engine, empty
 * cache, every node computed) against the hand-written query as `COPY (…) TO '….parquet'` on raw
 * DuckDB, and against the pandas script (CSV in and out: see pandas_pipeline.py).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { measurement, type BenchCaseResult } from '../bench-types.js';
import { pandasPython, type BenchCase } from '../bench-context.js';
import { clearState, createBenchProject, runToCompletion, withColdEngine } from '../bench-project.js';
import { compareCase, timeMs, unmeasuredCase } from '../case-result.js';
import { handQuery, handQueryCopy } from '../hand-query.js';
import { benchDir } from '../paths.js';
import { lastJsonLine, runPython } from '../python-env.js';
import { withColdReference } from '../reference-duckdb.js';

const COPY_TARGET = { ratio: 1.1 };
const PANDAS_TARGET = { ratio: 0.1 };

export const runCase: BenchCase = {
  id: 'run',
  title: 'Full run to a Parquet sink, cold cache',
  async run(context) {
    const { options, dataset, settings, workDir } = context;
    const python = pandasPython(context);
    const project = createBenchProject(workDir, 'run', dataset);
    const copyTarget = path.join(workDir, 'hand-query.parquet');
    const pandasTarget = path.join(workDir, 'pandas-features.csv');
    const copy = handQueryCopy(handQuery({ events: dataset.eventsParquet, stores: dataset.storesParquet }), copyTarget);
    const ours: number[] = [];
    const reference: number[] = [];
    const pandas: number[] = [];
    for (let rep = 0; rep < options.reps; rep++) {
      ours.push(await withColdEngine(project, settings, ({ engine, pipeline }) => timeMs(() => runToCompletion(engine, pipeline))));
      clearState(project);
      rmSync(copyTarget, { force: true });
      reference.push(await withColdReference(settings, workDir, (connection) => timeMs(() => connection.run(copy))));
      rmSync(copyTarget, { force: true });
      if (python) {
        const stdout = await runPython(python, [path.join(benchDir, 'pandas_pipeline.py'), dataset.eventsCsv, dataset.storesCsv, pandasTarget]);
        pandas.push(lastJsonLine<{ seconds: number }>(stdout).seconds * 1000);
        rmSync(pandasTarget, { force: true });
      }
    }
    const oursMeasurement = measurement('Millrace run (cold cache)', 'ms', ours);
    const results: BenchCaseResult[] = [
      compareCase({
        id: 'run-vs-copy',
        title: 'Full run to a Parquet sink, cold cache, vs hand SQL COPY TO',
        ours: oursMeasurement,
        reference: measurement('hand query COPY TO parquet (DuckDB)', 'ms', reference),
        target: COPY_TARGET,
        paired: true,
      }),
    ];
    const pandasTitle = 'Full run to a file, cold, vs the pandas script';
    results.push(
      python
        ? compareCase({
            id: 'run-vs-pandas',
            title: pandasTitle,
            ours: oursMeasurement,
            reference: measurement('pandas script (CSV in, CSV out)', 'ms', pandas),
            target: PANDAS_TARGET,
            paired: true,
            note: 'pandas reads and writes CSV (no pyarrow for Parquet); its time is from reading the files to the written output, without interpreter start-up.',
          })
        : { ...unmeasuredCase('run-vs-pandas', pandasTitle, PANDAS_TARGET, 'pandas not present'), ours: oursMeasurement },
    );
    return results;
  },
};
