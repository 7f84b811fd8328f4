/**
 * `npm run bench`: Millrace against raw DuckDB, pandas and plain PyTorch, measured side by side in
 * one run, printed as one table and written to bench/results.json. Missing a target is a result;
 * a case that crashes makes the run exit 1, naming it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchCaseResult } from './bench-types.js';
import type { BenchCase, BenchContext } from './bench-context.js';
import { selectCases } from './cases/index.js';
import { unmeasuredCase } from './case-result.js';
import { millraceDuckDBSettings } from './duckdb-settings.js';
import { describeMachine } from './machine.js';
import { parseBenchArgs, USAGE, type BenchOptions } from './options.js';
import { benchDir, dataRoot, workRoot } from './paths.js';
import { probePython } from './python-env.js';
import { formatTable } from './report-table.js';
import { sourceState } from './source-state.js';
import { ensureDataset, GENERATOR_VERSION } from './synthetic-data.js';

const log = (line: string) => process.stderr.write(`${line}\n`);
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function readOptions(argv: string[]): BenchOptions | number {
  try {
    const parsed = parseBenchArgs(argv, path.join(benchDir, 'results.json'));
    if (parsed !== 'help') return parsed;
    process.stdout.write(`${USAGE}\n`);
    return 0;
  } catch (error) {
    log(`bench: ${message(error)}\n\n${USAGE}`);
    return 2;
  }
}

async function main(argv: string[]): Promise<number> {
  const options = readOptions(argv);
  if (typeof options === 'number') return options;
  let cases: BenchCase[];
  try {
    cases = selectCases(options.only);
  } catch (error) {
    log(`bench: ${message(error)}`);
    return 2;
  }
  const python = await probePython();
  const settings = millraceDuckDBSettings();
  const machine = describeMachine(python);
  log(`Millrace bench: ${options.rows.toLocaleString('en')} rows, ${options.reps} rep(s), DuckDB threads ${settings.threads}, memory_limit ${settings.memoryLimit} (Millrace and the reference alike)`);
  log(`Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.totalMemoryGB} GB, load ${machine.loadAverage.toFixed(2)}; pandas ${python.pandas ?? 'not present'}, torch ${python.torch ?? 'not present'}`);

  const wantsCsv = python.pandas !== null && cases.some((c) => c.id === 'profile' || c.id === 'run');
  const started = performance.now();
  const dataset = await ensureDataset(dataRoot, options.rows, { csv: wantsCsv });
  log(`Data: ${dataset.dir} (${((performance.now() - started) / 1000).toFixed(1)} s, cached by rows and generator version)`);

  // Taken before the cases run: the engine measured is the one on disk when they started.
  const source = sourceState();
  const workDir = path.join(workRoot, `run-${process.pid}`);
  mkdirSync(workDir, { recursive: true });
  const context: BenchContext = { options, dataset, settings, python, workDir, log };
  const results: BenchCaseResult[] = [];
  const crashed: string[] = [];
  try {
    for (const benchCase of cases) {
      log(`▸ ${benchCase.id}: ${benchCase.title}`);
      const caseStarted = performance.now();
      try {
        results.push(...(await benchCase.run(context)));
      } catch (error) {
        crashed.push(benchCase.id);
        results.push(unmeasuredCase(benchCase.id, benchCase.title, '—', `crashed: ${message(error).split('\n')[0]}`));
        log(`  case ${benchCase.id} crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
      log(`  (${((performance.now() - caseStarted) / 1000).toFixed(1)} s)`);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  process.stdout.write(`\n${formatTable(results)}\n`);
  const report = {
    date: new Date().toISOString(),
    machine,
    source,
    rows: options.rows,
    reps: options.reps,
    quick: options.quick,
    only: options.only,
    duckdb: { ...settings, note: 'The same threads and memory_limit for Millrace and for the raw DuckDB reference (Millrace defaults: one thread per core, half the memory).' },
    data: { generatorVersion: GENERATOR_VERSION, dir: path.relative(benchDir, dataset.dir) },
    results,
  };
  mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
  log(`\nWrote ${options.out}`);
  if (crashed.length > 0) {
    log(`bench: case(s) crashed: ${crashed.join(', ')}`);
    return 1;
  }
  return 0;
}

// Exit explicitly: a case's leftovers (a browser, a timer) must not keep the process alive.
process.exit(await main(process.argv.slice(2)));
