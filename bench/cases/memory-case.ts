/**
 * Case 5: the engine's peak memory (RSS) while it profiles the source, with the DuckDB memory limit
 * Millrace sets: `millrace profile … --json` in a child process on a cold cache, its peak read from
 * /proc. Meaningful at 1M rows and more (the issue asks for 10M); smaller runs only note it.
 */
import path from 'node:path';
import { measurement } from '../bench-types.js';
import type { BenchCase } from '../bench-context.js';
import { clearState, createBenchProject } from '../bench-project.js';
import { compareCase, unmeasuredCase } from '../case-result.js';
import { memoryLimitBytes } from '../duckdb-settings.js';
import { millraceCli } from '../paths.js';
import { runWithPeakRss } from '../peak-rss.js';
import { SOURCE_NODE } from './profile-case.js';

const MIN_ROWS = 1_000_000;
const MB = 1e6;
const TARGET = { ratio: 1 };

export const memoryCase: BenchCase = {
  id: 'memory',
  title: 'Engine peak memory (RSS) during the profile, vs the DuckDB memory limit',
  async run({ options, dataset, settings, workDir }) {
    if (dataset.rows < MIN_ROWS) {
      return [unmeasuredCase('memory', this.title, TARGET, `not measured below ${MIN_ROWS.toLocaleString('en')} rows (--rows ${dataset.rows}); the issue asks for 10M`)];
    }
    const project = createBenchProject(workDir, 'memory', dataset);
    const peaks: number[] = [];
    for (let rep = 0; rep < options.reps; rep++) {
      clearState(project);
      const args = [millraceCli, 'profile', project.pipelineFile, SOURCE_NODE, '--json', '--memory-limit', settings.memoryLimit, '--threads', String(settings.threads)];
      const result = await runWithPeakRss(process.execPath, args);
      if (result.exitCode !== 0) throw new Error(`millrace profile exited with ${result.exitCode}: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
      peaks.push(result.peakBytes / MB);
    }
    clearState(project);
    const limitMb = memoryLimitBytes(settings.memoryLimit) / MB;
    return [
      compareCase({
        id: 'memory',
        title: `${this.title} (${dataset.rows.toLocaleString('en')} rows)`,
        ours: measurement('peak RSS of millrace profile', 'MB', peaks),
        reference: measurement(`DuckDB memory_limit ${settings.memoryLimit}`, 'MB', [limitMb]),
        target: TARGET,
        note: `The whole process (Node, DuckDB, the JSON output); memory_limit bounds DuckDB's buffer pool, not every allocation. ${path.basename(millraceCli)} profile --memory-limit ${settings.memoryLimit} --threads ${settings.threads}.`,
      }),
    ];
  },
};
