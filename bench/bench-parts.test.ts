/** The small parts of the bench harness: its command line, ratios and targets, the table, parsers. */
import { describe, expect, it } from 'vitest';
import { measurement } from './bench-types.js';
import { compareCase, unmeasuredCase } from './case-result.js';
import { parseGpuCheck } from './cases/worker-case.js';
import { selectCases } from './cases/index.js';
import { memoryLimitBytes } from './duckdb-settings.js';
import { parseBenchArgs } from './options.js';
import { formatTable } from './report-table.js';

describe('bench command line', () => {
  it('defaults to 1M rows and 5 reps, and --quick to 20k rows and 1 rep', () => {
    expect(parseBenchArgs([], 'r.json')).toMatchObject({ rows: 1_000_000, reps: 5, quick: false, only: [], out: 'r.json' });
    expect(parseBenchArgs(['--quick'], 'r.json')).toMatchObject({ rows: 20_000, reps: 1, quick: true });
  });

  it('takes rows with underscores, reps, an output file and comma-separated or repeated --only', () => {
    const options = parseBenchArgs(['--rows', '10_000_000', '--reps', '3', '--only', 'preview,profile', '--only', 'run', '--out', 'x.json'], 'r.json');
    expect(options).toEqual({ rows: 10_000_000, reps: 3, quick: false, only: ['preview', 'profile', 'run'], out: 'x.json' });
  });

  it('refuses a row count that is not a whole number, and unknown flags', () => {
    expect(() => parseBenchArgs(['--rows', '1.5'], 'r.json')).toThrow(/--rows must be a whole number/);
    expect(() => parseBenchArgs(['--rows', '0'], 'r.json')).toThrow(/--rows/);
    expect(() => parseBenchArgs(['--fast'], 'r.json')).toThrow(/--fast/);
  });

  it('selects cases by id and names the known ids when one is unknown', () => {
    expect(selectCases(['run', 'preview']).map((c) => c.id)).toEqual(['preview', 'run']);
    expect(selectCases([]).length).toBe(8);
    expect(() => selectCases(['nope'])).toThrow(/Unknown case id\(s\): nope\. Known: preview, profile/);
  });
});

describe('case results', () => {
  it('compares medians against an upper bound', () => {
    const result = compareCase({ id: 'x', title: 'X', ours: measurement('a', 'ms', [10, 30, 12]), reference: measurement('b', 'ms', [10, 11, 9]), target: { ratio: 1.2 } });
    expect(result.ratio).toBeCloseTo(12 / 10);
    expect(result.met).toBe(true);
    expect(result.target).toBe('≤ 1.2×');
    const slower = compareCase({ id: 'x', title: 'X', ours: measurement('a', 'ms', [13]), reference: measurement('b', 'ms', [10]), target: { ratio: 1.2 } });
    expect(slower.met).toBe(false);
  });

  it('compares throughput against a lower bound when higher is better', () => {
    const result = compareCase({ id: 't', title: 'T', ours: measurement('a', 'MB/s', [50]), reference: measurement('b', 'MB/s', [100]), target: { ratio: 1, higherIsBetter: true } });
    expect(result).toMatchObject({ ratio: 0.5, met: false, target: '≥ 1×', higherIsBetter: true });
  });

  it('takes the median of the per-repetition ratios when the sides ran back to back, so a drift in the machine\'s speed cancels', () => {
    // The machine slowed down during repetitions 2 and 3: each pair shares it, separate medians do not.
    const ours = measurement('a', 'ms', [12, 20, 50]);
    const reference = measurement('b', 'ms', [10, 25, 40]);
    const paired = compareCase({ id: 'x', title: 'X', ours, reference, target: { ratio: 1.1 }, paired: true });
    expect(paired.pairedRatios).toEqual([1.2, 0.8, 1.25]);
    expect(paired.ratio).toBeCloseTo(1.2);
    expect(paired.met).toBe(false);
    expect(compareCase({ id: 'x', title: 'X', ours, reference, target: { ratio: 1.1 } }).ratio).toBeCloseTo(20 / 25);
    // A side with a missing repetition cannot be paired: the ratio of the medians, said as such.
    const uneven = compareCase({ id: 'y', title: 'Y', ours, reference: measurement('b', 'ms', [10, 25]), target: { ratio: 1.1 }, paired: true });
    expect(uneven.pairedRatios).toBeUndefined();
    expect(uneven.ratio).toBeCloseTo(20 / 17.5);
    expect(formatTable([paired, uneven])).toContain('Ratios of x: the median of the per-repetition ratios');
  });

  it('leaves met undefined when there is no reference', () => {
    const result = unmeasuredCase('p', 'P', { ratio: 0.33 }, 'pandas not present');
    expect(result.met).toBeUndefined();
    expect(result.ratio).toBeUndefined();
    expect(formatTable([result])).toContain('pandas not present');
  });

  it('prints one aligned row per result with median, min, ratio and ✓/✗', () => {
    const table = formatTable([
      compareCase({ id: 'preview', title: 'P', ours: measurement('ours', 'ms', [1500, 1300, 1400]), reference: measurement('hand', 'ms', [1000]), target: { ratio: 1.2 } }),
      compareCase({ id: 'export-npy', title: 'E', ours: measurement('ours', 'MB/s', [250]), reference: measurement('parquet', 'MB/s', [200]), target: { ratio: 1, higherIsBetter: true } }),
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^case\s+ours\s+reference\s+ratio\s+target\s+met$/);
    expect(lines[2]).toMatch(/^preview\s+1\.40 s \(min 1\.30 s\)\s+1\.00 s hand\s+1\.40×\s+≤ 1\.2×\s+✗$/);
    expect(lines[3]).toMatch(/^export-npy\s+250 MB\/s\s+200 MB\/s parquet\s+1\.25×\s+≥ 1×\s+✓$/);
  });
});

describe('parsers', () => {
  it("reads gpu_check.py's device and epoch times", () => {
    const stdout = [
      'Device: cpu (CPU), torch 1.13.0a0',
      '',
      'device used by the worker: cpu',
      'worker epoch times (s): 0.600, 0.520, 0.510',
      'plain  epoch times (s): 0.700, 0.580, 0.570',
      'ratio worker / plain: 0.90 (target <= 1.1) OK',
    ].join('\n');
    expect(parseGpuCheck(stdout)).toEqual({ device: 'cpu', worker: [0.6, 0.52, 0.51], plain: [0.7, 0.58, 0.57] });
    expect(() => parseGpuCheck('Device: cpu')).toThrow(/worker epoch times/);
  });

  it('reads DuckDB memory limits in decimal and binary units', () => {
    expect(memoryLimitBytes('11GB')).toBe(11e9);
    expect(memoryLimitBytes('512 MiB')).toBe(512 * 1024 ** 2);
    expect(() => memoryLimitBytes('lots')).toThrow(/lots/);
  });
});
