/** The machine a run was measured on, for results.json: figures mean little without it. */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { version as duckdbVersion } from '@duckdb/node-api';
import type { PythonEnv } from './python-env.js';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  totalMemoryGB: number;
  platform: string;
  node: string;
  duckdb: string;
  python: string | null;
  pandas: string | null;
  numpy: string | null;
  pyarrow: string | null;
  torch: string | null;
  /** 1-minute load average when the run started: others' work skews the figures. */
  loadAverage: number;
}

function cpuModel(): string {
  try {
    const line = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1];
    if (line) return line.trim();
  } catch {
    // Not Linux: fall back to what Node knows.
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

export function describeMachine(python: PythonEnv): MachineInfo {
  return {
    cpuModel: cpuModel(),
    cores: os.cpus().length,
    totalMemoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    duckdb: duckdbVersion(),
    python: python.version,
    pandas: python.pandas,
    numpy: python.numpy,
    pyarrow: python.pyarrow,
    torch: python.torch,
    loadAverage: os.loadavg()[0] ?? 0,
  };
}
