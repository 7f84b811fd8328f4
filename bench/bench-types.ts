/**
 * What every benchmark case reports: ours and the reference measured in the same run, as a ratio
 * against a target. Shared by the bench runner and its case modules.
 */

/** Repeated timings (or any measured quantity) of one side of a case. */
export interface Measurement {
  /** What was measured, e.g. "Millrace preview" or "DuckDB SUMMARIZE". */
  label: string;
  /** Unit of the samples: 'ms', 'MB', 'MB/s', 'fps'… */
  unit: string;
  samples: number[];
  min: number;
  median: number;
}

export interface BenchCaseResult {
  /** Stable id, e.g. "preview", "profile-vs-summarize", "canvas-pan". */
  id: string;
  /** One line for people: "Preview: first 100 rows of step 10, cold cache". */
  title: string;
  ours: Measurement;
  /** Absent when there is nothing to compare with on this machine (then `note` says why). */
  reference?: Measurement;
  /**
   * ours / reference (lower is better unless `higherIsBetter`): the median of the per-repetition
   * ratios when both sides ran back to back in every repetition (`paired`), else the ratio of the medians.
   */
  ratio?: number;
  /** ours[i] / reference[i] for each repetition, when the sides were measured back to back. */
  pairedRatios?: number[];
  /** The target as printed, e.g. "≤ 1.2×". */
  target: string;
  /** The numeric bound of the target: ratio must be ≤ it (or ≥ it when higherIsBetter). */
  targetRatio?: number;
  higherIsBetter?: boolean;
  /** True/false when a ratio and a target exist; undefined when not measured. */
  met?: boolean;
  /** Why a side is missing, which device, anything a reader must know to trust the figure. */
  note?: string;
}

/** The middle value (mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? Number.NaN : sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Builds a Measurement from raw samples. */
export function measurement(label: string, unit: string, samples: number[]): Measurement {
  return { label, unit, samples, min: samples.length === 0 ? Number.NaN : Math.min(...samples), median: median(samples) };
}
