/**
 * The DuckDB settings Millrace runs with (engine/duckdb/database.ts), given explicitly to the engine
 * and to the raw DuckDB reference alike, so both sides of every case use the same threads and memory.
 */
import os from 'node:os';
import { defaultMemoryLimit } from '../engine/duckdb/database.js';

export interface DuckDBSettings {
  threads: number;
  memoryLimit: string;
}

export function millraceDuckDBSettings(): DuckDBSettings {
  // The engine's default in Database.open: one thread per core.
  return { threads: Math.max(1, os.cpus().length), memoryLimit: defaultMemoryLimit() };
}

/** '11GB' → bytes (DuckDB reads GB as 1000³). */
export function memoryLimitBytes(limit: string): number {
  const match = /^\s*([\d.]+)\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)?\s*$/i.exec(limit);
  if (!match) throw new Error(`Cannot read the memory limit "${limit}".`);
  const units: Record<string, number> = { kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, tib: 1024 ** 4 };
  return Number(match[1]) * (units[(match[2] ?? 'b').toLowerCase()] ?? 1);
}
