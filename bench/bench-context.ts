/** What every case gets: the options, the data, the DuckDB settings, the Python, where to work. */
import type { BenchCaseResult } from './bench-types.js';
import type { BenchOptions } from './options.js';
import type { DuckDBSettings } from './duckdb-settings.js';
import type { PythonEnv } from './python-env.js';
import type { Dataset } from './synthetic-data.js';

export interface BenchContext {
  options: BenchOptions;
  dataset: Dataset;
  settings: DuckDBSettings;
  python: PythonEnv;
  /** A scratch folder for this run's projects and outputs (git-ignored, removed afterwards). */
  workDir: string;
  log: (line: string) => void;
}

/** Python with pandas, or null: the pandas sides are then reported as not present. */
export function pandasPython(context: BenchContext): string | null {
  return context.python.python !== null && context.python.pandas !== null ? context.python.python : null;
}

export interface BenchCase {
  /** What --only names (several results may come from one case). */
  id: string;
  title: string;
  run(context: BenchContext): Promise<BenchCaseResult[]>;
}
