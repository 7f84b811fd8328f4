/**
 * Turning measured samples into a BenchCaseResult: the ratio, the target, met or not. Misses are
 * results, not failures. Where ours and the reference ran back to back in each repetition, the
 * ratio is the median of the per-repetition ratios: this shared VM's speed drifts by tens of per
 * cent over minutes, and a pair taken seconds apart shares the drift that separate medians do not.
 */
import { measurement, median, type BenchCaseResult, type Measurement } from './bench-types.js';

export interface Target {
  /** The bound on ours/reference. */
  ratio: number;
  /** True when ours should be at least `ratio` × the reference (throughput). */
  higherIsBetter?: boolean;
}

export function targetText(target: Target): string {
  return `${target.higherIsBetter ? '≥' : '≤'} ${target.ratio}×`;
}

export function compareCase(fields: {
  id: string;
  title: string;
  ours: Measurement;
  reference?: Measurement;
  target: Target;
  note?: string;
  /** Sample i of each side was taken in repetition i, one right after the other. */
  paired?: boolean;
}): BenchCaseResult {
  const { id, title, ours, reference, target, note } = fields;
  const result: BenchCaseResult = { id, title, ours, target: targetText(target), targetRatio: target.ratio };
  if (target.higherIsBetter) result.higherIsBetter = true;
  if (reference) {
    result.reference = reference;
    const paired = fields.paired === true && ours.samples.length > 0 && ours.samples.length === reference.samples.length;
    if (paired) result.pairedRatios = ours.samples.map((value, i) => value / reference.samples[i]!);
    const ratio = result.pairedRatios ? median(result.pairedRatios) : ours.median / reference.median;
    if (Number.isFinite(ratio)) {
      result.ratio = ratio;
      result.met = target.higherIsBetter ? ratio >= target.ratio : ratio <= target.ratio;
    }
  }
  if (note) result.note = note;
  return result;
}

/** A case that could not be measured here (missing tool, too few rows) or that crashed. */
export function unmeasuredCase(id: string, title: string, target: Target | string, note: string): BenchCaseResult {
  return { id, title, ours: measurement('not measured', '', []), target: typeof target === 'string' ? target : targetText(target), note };
}

/** What `work` returned, and the milliseconds it took. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** Milliseconds taken by `work`. */
export async function timeMs(work: () => Promise<unknown>): Promise<number> {
  return (await timed(work)).ms;
}
