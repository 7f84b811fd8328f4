/**
 * Case 2: the profile of every column of the source — Millrace's profile (fresh engine, empty
 * cache: profiles are cached by fingerprint) against DuckDB's SUMMARIZE on the same Parquet file,
 * and against pandas' describe() + value_counts() from file (CSV: see pandas_profile.py).
 */
import path from 'node:path';
import { measurement, type BenchCaseResult } from '../bench-types.js';
import { pandasPython, type BenchCase } from '../bench-context.js';
import { clearState, createBenchProject, withColdEngine } from '../bench-project.js';
import { compareCase, timeMs, unmeasuredCase } from '../case-result.js';
import { benchDir } from '../paths.js';
import { lastJsonLine, runPython } from '../python-env.js';
import { readAll, sqlString, withColdReference } from '../reference-duckdb.js';

export const SOURCE_NODE = 'events';
const SUMMARIZE_TARGET = { ratio: 0.75 };
const PANDAS_TARGET = { ratio: 0.33 };

export const profileCase: BenchCase = {
  id: 'profile',
  title: 'Profile of every column of the source',
  async run(context) {
    const { options, dataset, settings, workDir } = context;
    const python = pandasPython(context);
    const project = createBenchProject(workDir, 'profile', dataset);
    const ours: number[] = [];
    const summarize: number[] = [];
    const pandas: number[] = [];
    for (let rep = 0; rep < options.reps; rep++) {
      ours.push(
        await withColdEngine(project, settings, ({ engine, pipeline }) =>
          timeMs(async () => {
            const profile = await engine.profile(pipeline, SOURCE_NODE);
            if (profile.rowCount !== dataset.rows) throw new Error(`The profile counted ${profile.rowCount} rows, not ${dataset.rows}.`);
          }),
        ),
      );
      const summarizeSql = `SUMMARIZE SELECT * FROM read_parquet(${sqlString(dataset.eventsParquet)})`;
      summarize.push(await withColdReference(settings, workDir, (connection) => timeMs(() => readAll(connection, summarizeSql))));
      if (python) {
        const stdout = await runPython(python, [path.join(benchDir, 'pandas_profile.py'), dataset.eventsCsv]);
        pandas.push(lastJsonLine<{ seconds: number }>(stdout).seconds * 1000);
      }
    }
    clearState(project);
    const oursMeasurement = measurement('Millrace profile', 'ms', ours);
    const results: BenchCaseResult[] = [
      compareCase({
        id: 'profile-vs-summarize',
        title: 'Profile of every column of the source vs DuckDB SUMMARIZE',
        ours: oursMeasurement,
        reference: measurement('DuckDB SUMMARIZE', 'ms', summarize),
        target: SUMMARIZE_TARGET,
        paired: true,
        note: 'Millrace computes more than SUMMARIZE (histograms, top values).',
      }),
    ];
    const pandasTitle = 'Profile of every column of the source vs pandas describe() + value_counts()';
    results.push(
      python
        ? compareCase({
            id: 'profile-vs-pandas',
            title: pandasTitle,
            ours: oursMeasurement,
            reference: measurement('pandas read_csv + describe + value_counts', 'ms', pandas),
            target: PANDAS_TARGET,
            paired: true,
            note: 'pandas reads the CSV (no pyarrow for Parquet); its time is from reading the file to the profile, without interpreter start-up.',
          })
        : { ...unmeasuredCase('profile-vs-pandas', pandasTitle, PANDAS_TARGET, 'pandas not present'), ours: oursMeasurement },
    );
    return results;
  },
};
