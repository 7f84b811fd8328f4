import { spawn } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { processMarker, processState } from './process-identity.js';
import { exited, tempFolder, type TempFolder } from './test-support/store-files.js';

const hasProc = processMarker(process.pid) !== null;

describe('process identity', () => {
  let folder: TempFolder;
  beforeEach(() => {
    folder = tempFolder();
  });
  afterEach(() => folder.remove());

  it('sees this process as alive, under its own marker', () => {
    expect(processState(process.pid, processMarker(process.pid))).toBe('alive');
    expect(processState(process.pid, null)).toBe('alive');
  });

  it('sees a process that has exited as gone', async () => {
    const child = spawn(process.execPath, ['-e', '']);
    const pid = child.pid!;
    await exited(child);
    expect(processState(pid, null)).toBe('gone');
  });

  it('refuses pids that address process groups rather than one process', () => {
    expect(processState(0, null)).toBe('gone');
    expect(processState(-1, null)).toBe('gone');
  });

  it.runIf(hasProc)('sees a live pid with a different start marker as gone (pid reused)', () => {
    expect(processState(process.pid, 'another-boot:1')).toBe('gone');
  });

  it.runIf(hasProc)('reads the start time of a process whose name holds spaces and parentheses', async () => {
    // /proc/<pid>/stat puts the name in parentheses; a name like "x) 1 2 ) 3" shifts naive field splitting.
    const oddName = path.join(folder.dir, 'x) 1 2 ) 3');
    symlinkSync(process.execPath, oddName);
    const child = spawn(oddName, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      await new Promise((resolve) => child.once('spawn', resolve));
      const marker = processMarker(child.pid!);
      expect(marker).toMatch(/^[0-9a-f-]+:\d+$/);
      // Start time in clock ticks since boot (100 per second on Linux): the child started just now.
      const startedSecondsAfterBoot = Number(marker!.split(':')[1]) / 100;
      expect(Math.abs(startedSecondsAfterBoot - os.uptime())).toBeLessThan(10);
      expect(processState(child.pid!, marker)).toBe('alive');
    } finally {
      child.kill('SIGKILL');
      await exited(child);
    }
  });
});
