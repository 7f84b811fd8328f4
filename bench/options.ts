/** The command line of `npm run bench` (node:util parseArgs; no dependency). */
import { parseArgs } from 'node:util';

export interface BenchOptions {
  rows: number;
  reps: number;
  quick: boolean;
  /** Case ids to run; empty = all. */
  only: string[];
  out: string;
}

export const USAGE = `Usage: npm run bench -- [options]

  --rows N       rows of synthetic data (default 1000000; 20000 with --quick); 10000000 for the big run
  --reps N       repetitions per measurement (default 5; 1 with --quick)
  --quick        small data and one repetition: checks that every case still runs
  --only IDS     comma-separated case ids (preview, profile, run, rerun, memory, export, worker, canvas)
  --out FILE     where to write the results (default bench/results.json)
  --help         this text`;

function wholeNumber(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${flag} must be a whole number ≥ 1 (got "${text}").`);
  return value;
}

/** Parses argv (without node and the script); throws with a message for people on bad input. */
export function parseBenchArgs(argv: string[], defaultOut: string): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string' },
      reps: { type: 'string' },
      quick: { type: 'boolean', default: false },
      only: { type: 'string', multiple: true },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return 'help';
  const quick = values.quick ?? false;
  const only = (values.only ?? []).flatMap((list) => list.split(',')).map((id) => id.trim()).filter((id) => id !== '');
  return {
    rows: wholeNumber('--rows', values.rows, quick ? 20_000 : 1_000_000),
    reps: wholeNumber('--reps', values.reps, quick ? 1 : 5),
    quick,
    only,
    // A quick run only checks that every case still runs: it must not overwrite the measured figures.
    out: values.out ?? (quick ? defaultOut.replace(/\.json$/, '-quick.json') : defaultOut),
  };
}
