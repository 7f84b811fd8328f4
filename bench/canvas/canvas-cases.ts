/**
 * Turns the canvas gesture samples into bench cases. The target compares the median main-thread
 * work per frame (CPU time the move caused, less the probe's own overhead), because the frame
 * time a user sees is floored at 16.7 ms by rAF pacing and would hide any cost below that floor;
 * frame times and latencies are given in the note.
 */
import { measurement, type BenchCaseResult } from '../bench-types.js';
import type { GestureSample } from './gesture-probe.js';

export interface SizeRun {
  size: number;
  firstRenderMs: number;
  settleMs: number;
  /** Cards in the DOM once the page settled: all of them unless only visible ones are rendered. */
  mountedCards: number;
  /** Busy ms per probe step with no input: subtracted from the gesture's busy samples. */
  overheadMs: number[];
  pan: GestureSample;
  drag: GestureSample;
}

export const PAN_TARGET = 2;

function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

const median = (values: readonly number[]): number => quantile(values, 0.5);

/** Work per frame: each move's busy time less the median probe overhead of the same page. */
export function frameWork(sample: GestureSample, overheadMs: readonly number[]): number[] {
  const overhead = median(overheadMs);
  return sample.busyMs.map((b) => Math.max(0, b - overhead));
}

const f1 = (n: number) => n.toFixed(1);

/** One line for the log: work per frame, frame interval and latency (median / p95). */
export function describeGesture(sample: GestureSample, overheadMs: readonly number[]): string {
  const work = frameWork(sample, overheadMs);
  return `work ${f1(median(work))}/${f1(quantile(work, 0.95))} ms, frame ${f1(median(sample.frameMs))}/${f1(quantile(sample.frameMs, 0.95))} ms, latency ${f1(median(sample.latencyMs))}/${f1(quantile(sample.latencyMs, 0.95))} ms (median/p95)`;
}

function summary(runs: readonly SizeRun[], pick: (r: SizeRun) => GestureSample, size: number): string {
  const samples = runs.map(pick);
  const work = runs.flatMap((r) => frameWork(pick(r), r.overheadMs));
  const frames = samples.flatMap((s) => s.frameMs);
  const latency = samples.flatMap((s) => s.latencyMs);
  const moves = samples.reduce((n, s) => n + s.busyMs.length, 0);
  const perMove = (name: string) => f1(samples.reduce((n, s) => n + (s.breakdown[name] ?? 0), 0) / moves);
  return (
    `${size} nodes: work p95 ${f1(quantile(work, 0.95))} ms; frame time per move median ${f1(median(frames))}, p95 ${f1(quantile(frames, 0.95))} ms; ` +
    `input-to-frame latency median ${f1(median(latency))}, p95 ${f1(quantile(latency, 0.95))} ms; per move: script ${perMove('ScriptDuration')}, style ${perMove('RecalcStyleDuration')}, layout ${perMove('LayoutDuration')} of ${perMove('TaskDuration')} ms main-thread busy, ${perMove('ProcessTime')} ms renderer CPU on all threads (probe overhead ${f1(median(runs.flatMap((r) => r.overheadMs)))} ms not subtracted here)`
  );
}

export function frameCase(
  id: string,
  title: string,
  big: number,
  small: number,
  large: readonly SizeRun[],
  reference: readonly SizeRun[],
  pick: (r: SizeRun) => GestureSample,
  extraNote = '',
): BenchCaseResult {
  const ours = measurement(`${big} nodes, main-thread work per frame`, 'ms', large.flatMap((r) => frameWork(pick(r), r.overheadMs)));
  const ref = measurement(`${small} nodes, main-thread work per frame`, 'ms', reference.flatMap((r) => frameWork(pick(r), r.overheadMs)));
  const ratio = ours.median / ref.median;
  const valid = Number.isFinite(ratio);
  return {
    id,
    title,
    ours,
    reference: ref,
    ...(valid ? { ratio, met: ratio <= PAN_TARGET } : {}),
    target: `≤ ${PAN_TARGET}×`,
    targetRatio: PAN_TARGET,
    note:
      `Ratio of median main-thread CPU time per frame (one mouse move per frame, CDP TaskDuration in thread time, less the probe's overhead), not of frame times: rAF is paced at 60 Hz, so frame times floor at 16.7 ms. ` +
      `${summary(large, pick, big)}. ${summary(reference, pick, small)}.` +
      (valid ? '' : ' The reference median is 0, so no ratio.') +
      (extraNote ? ` ${extraNote}` : ''),
  };
}
