/**
 * Peak resident memory of a child process, read from /proc/<pid>/status while it runs: VmHWM is
 * the kernel's high-water mark, so polling it misses at most the growth of the last interval.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface PeakRssResult {
  peakBytes: number;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** The "VmHWM:  123456 kB" line in bytes, or undefined (a process that has exited has none). */
export function readHighWaterMark(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

export function runWithPeakRss(command: string, args: string[], options: { pollMs?: number } = {}): Promise<PeakRssResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let peakBytes = 0;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const poll = () => {
      const now = child.pid === undefined ? undefined : readHighWaterMark(child.pid);
      if (now !== undefined && now > peakBytes) peakBytes = now;
    };
    const timer = setInterval(poll, options.pollMs ?? 10);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ peakBytes, exitCode: code, stdout, stderr });
    });
  });
}
