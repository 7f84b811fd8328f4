/**
 * The Python the reference scripts run under (Debian's /usr/bin/python3 with python3-pandas and
 * python3-torch, or BENCH_PYTHON), what it has installed, and how the bench runs its scripts.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PythonEnv {
  /** Null when there is no such interpreter. */
  python: string | null;
  version: string | null;
  pandas: string | null;
  numpy: string | null;
  pyarrow: string | null;
  torch: string | null;
}

const PROBE = `
import json, sys
found = {"version": sys.version.split()[0]}
for name in ("pandas", "numpy", "pyarrow", "torch"):
    try:
        found[name] = __import__(name).__version__
    except Exception:
        found[name] = None
print(json.dumps(found))
`;

export async function probePython(python = process.env.BENCH_PYTHON ?? '/usr/bin/python3'): Promise<PythonEnv> {
  const none: PythonEnv = { python: null, version: null, pandas: null, numpy: null, pyarrow: null, torch: null };
  if (!existsSync(python)) return none;
  try {
    const { stdout } = await run(python, ['-c', PROBE], { timeout: 60_000 });
    const found = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Partial<PythonEnv>;
    return { python, version: found.version ?? null, pandas: found.pandas ?? null, numpy: found.numpy ?? null, pyarrow: found.pyarrow ?? null, torch: found.torch ?? null };
  } catch {
    return none;
  }
}

/**
 * Runs a script and returns its stdout; the error names the script and quotes its stderr.
 * On 2 cores torch's threads and OpenBLAS's fight (5 epochs: 26 s vs 5–10 s) unless OpenBLAS keeps to one thread.
 */
export async function runPython(python: string, args: string[], options: { timeoutMs?: number } = {}): Promise<string> {
  try {
    const { stdout } = await run(python, args, {
      timeout: options.timeoutMs ?? 30 * 60_000,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, OPENBLAS_NUM_THREADS: '1' },
    });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split('\n').slice(-5).join('\n') ?? '';
    throw new Error(`${args[0] ?? python} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}${stderr ? `\n${stderr}` : ''}`);
  }
}

/** The last line of a script's output as JSON (the scripts print their figures there). */
export function lastJsonLine<T>(stdout: string): T {
  const line = stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new Error(`Expected a JSON line at the end of the script's output, got: ${line.slice(0, 200)}`);
  }
}
