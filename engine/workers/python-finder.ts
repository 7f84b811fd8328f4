/**
 * Finds the Python that runs the PyTorch worker. Candidates, in order: MILLRACE_PYTHON, the
 * project setting, an active virtualenv, an active conda env, `python3` on PATH, /usr/bin/python3.
 * Each is probed (Python and torch versions, CUDA, GPUs) with a timeout; the first with torch wins.
 * Probes are cached per process: a Python does not grow torch while Millrace runs.
 */
import { execFile } from 'node:child_process';
import { access, constants, realpath } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { z } from 'zod';
import { PYTHON_PROBE_SCRIPT } from './python-probe-script.js';

export type PythonSource = 'MILLRACE_PYTHON' | 'project setting' | 'virtualenv' | 'conda' | 'PATH' | 'system';

export interface PythonCandidate {
  /** As given (a path, or a command name looked up on PATH). */
  path: string;
  source: PythonSource;
}

const gpuSchema = z.object({
  index: z.number(),
  name: z.string(),
  memoryMb: z.number(),
  capability: z.string().nullable(),
  driverVersion: z.string().nullable(),
});
export type GpuInfo = z.infer<typeof gpuSchema>;

const probeOutputSchema = z.object({
  pythonVersion: z.string(),
  executable: z.string(),
  /** The worker memory-maps its inputs with numpy: a torch without numpy cannot run it. */
  numpyVersion: z.string().nullable(),
  torchVersion: z.string().nullable(),
  torchError: z.string().nullable(),
  cudaAvailable: z.boolean(),
  cudaVersion: z.string().nullable(),
  gpus: z.array(gpuSchema),
  nvidiaSmi: z.array(gpuSchema),
});
export type ProbeOutput = z.infer<typeof probeOutputSchema>;

export interface PythonProbe extends PythonCandidate {
  /** null when the probe ran; else why this candidate could not be used at all. */
  error: string | null;
  info: ProbeOutput | null;
}

export interface FindPythonOptions {
  /** The project's python setting, if any. */
  projectPython?: string | null;
  /** Defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Per probe; importing torch cold can take seconds. Default 30 s. */
  timeoutMs?: number;
}

export interface PythonChoice {
  /** The first candidate with torch, or null. */
  chosen: PythonProbe | null;
  /** Every candidate probed, in order: says why each one before the choice was passed over. */
  probes: PythonProbe[];
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function onPath(command: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  if (command.includes('/')) return command;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir !== '' && (await isExecutable(join(dir, command)))) return join(dir, command);
  }
  return null;
}

/** The candidates in the order they are tried, each resolved to a path and listed once. */
export async function pythonCandidates(options: FindPythonOptions = {}): Promise<PythonCandidate[]> {
  const env = options.env ?? process.env;
  const raw: { value: string | undefined | null; source: PythonSource }[] = [
    { value: env.MILLRACE_PYTHON, source: 'MILLRACE_PYTHON' },
    { value: options.projectPython, source: 'project setting' },
    { value: env.VIRTUAL_ENV ? join(env.VIRTUAL_ENV, 'bin', 'python') : undefined, source: 'virtualenv' },
    { value: env.CONDA_PREFIX ? join(env.CONDA_PREFIX, 'bin', 'python') : undefined, source: 'conda' },
    { value: 'python3', source: 'PATH' },
    { value: '/usr/bin/python3', source: 'system' },
  ];
  const seen = new Set<string>();
  const out: PythonCandidate[] = [];
  for (const { value, source } of raw) {
    if (value === undefined || value === null || value.trim() === '') continue;
    const resolved = (await onPath(value.trim(), env)) ?? value.trim();
    const identity = await realpath(resolved).catch(() => resolved);
    if (seen.has(identity)) continue;
    // Defaults that do not exist are not worth a line in the report; a path the user gave is.
    if ((source === 'PATH' || source === 'system') && !(await isExecutable(resolved))) continue;
    seen.add(identity);
    out.push({ path: resolved, source });
  }
  return out;
}

const probeCache = new Map<string, Promise<ProbeOutput>>();

function runProbe(python: string, timeoutMs: number): Promise<ProbeOutput> {
  return new Promise((resolve, reject) => {
    execFile(python, ['-c', PYTHON_PROBE_SCRIPT], { timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      if (error !== null) {
        const why = error.killed ? `no answer within ${Math.round(timeoutMs / 1000)} s` : (stderr.trim().split('\n').pop() ?? error.message);
        reject(new Error(why || error.message));
        return;
      }
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve(probeOutputSchema.parse(JSON.parse(line)));
      } catch {
        reject(new Error(`unexpected probe output: ${line.slice(0, 200)}`));
      }
    });
  });
}

/** Probes one Python (cached per process by path). Rejects when it cannot run at all. */
export function probePython(python: string, timeoutMs = 30_000): Promise<ProbeOutput> {
  let probe = probeCache.get(python);
  if (probe === undefined) {
    probe = runProbe(python, timeoutMs);
    probeCache.set(python, probe);
  }
  return probe;
}

export function clearPythonProbeCache(): void {
  probeCache.clear();
}

async function probeCandidate(candidate: PythonCandidate, timeoutMs: number | undefined): Promise<PythonProbe> {
  try {
    return { ...candidate, error: null, info: await probePython(candidate.path, timeoutMs) };
  } catch (error) {
    return { ...candidate, error: error instanceof Error ? error.message : String(error), info: null };
  }
}

/** Whether the PyTorch worker can run under this Python: torch and numpy both import. */
export function canRunTorchWorker(probe: PythonProbe): boolean {
  return probe.info?.torchVersion != null && probe.info.numpyVersion !== null;
}

/** Probes the candidates in order and stops at the first Python with torch (and numpy). */
export async function findTorchPython(options: FindPythonOptions = {}): Promise<PythonChoice> {
  const probes: PythonProbe[] = [];
  for (const candidate of await pythonCandidates(options)) {
    const probe = await probeCandidate(candidate, options.timeoutMs);
    probes.push(probe);
    if (canRunTorchWorker(probe)) return { chosen: probe, probes };
  }
  return { chosen: null, probes };
}

/** One line per probe, for logs and errors: `/usr/bin/python3 (system): Python 3.11.2, torch 1.13.0, CUDA no`. */
export function describeProbe(probe: PythonProbe): string {
  const where = `${probe.path} (${probe.source})`;
  if (probe.info === null) return `${where}: cannot run (${probe.error ?? 'unknown error'})`;
  const torch = probe.info.torchVersion === null ? `no torch (${probe.info.torchError ?? 'not installed'})` : `torch ${probe.info.torchVersion}`;
  const numpy = probe.info.numpyVersion === null ? ', no numpy' : '';
  return `${where}: Python ${probe.info.pythonVersion}, ${torch}${numpy}, CUDA ${probe.info.cudaAvailable ? 'yes' : 'no'}`;
}

export interface GpuReport {
  /** The Python the PyTorch worker would use, or null (then only linear/logistic train, built in). */
  chosen: PythonProbe | null;
  /** Every candidate, each probed. */
  candidates: PythonProbe[];
  /** GPUs torch sees in the chosen Python, else those nvidia-smi lists (found by any candidate). */
  gpus: GpuInfo[];
  cudaAvailable: boolean;
}

/** Structured data for `millrace gpus`: which Pythons exist, which one is used, what GPUs it sees. */
export async function describeGpus(options: FindPythonOptions = {}): Promise<GpuReport> {
  const candidates: PythonProbe[] = [];
  for (const candidate of await pythonCandidates(options)) candidates.push(await probeCandidate(candidate, options.timeoutMs));
  const chosen = candidates.find(canRunTorchWorker) ?? null;
  const smi = candidates.find((p) => (p.info?.nvidiaSmi.length ?? 0) > 0)?.info?.nvidiaSmi ?? [];
  const torchGpus = chosen?.info?.gpus ?? [];
  return { chosen, candidates, gpus: torchGpus.length > 0 ? torchGpus : smi, cudaAvailable: chosen?.info?.cudaAvailable ?? false };
}
