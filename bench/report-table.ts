/** The one table `npm run bench` prints: case, ours, reference, ratio, target, met. */
import type { BenchCaseResult, Measurement } from './bench-types.js';

function figure(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '—';
  if (unit === 'ms' && value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : value >= 1 ? 2 : 3;
  return `${value.toFixed(digits)} ${unit}`.trim();
}

/** "median (min)" of a side, or a dash when it was not measured. */
export function formatMeasurement(m: Measurement | undefined): string {
  if (!m || m.samples.length === 0) return '—';
  return m.samples.length === 1 ? figure(m.median, m.unit) : `${figure(m.median, m.unit)} (min ${figure(m.min, m.unit)})`;
}

export function formatMet(result: BenchCaseResult): string {
  return result.met === undefined ? '—' : result.met ? '✓' : '✗';
}

export function formatTable(results: readonly BenchCaseResult[]): string {
  const header = ['case', 'ours', 'reference', 'ratio', 'target', 'met'];
  const rows = results.map((r) => [
    r.id,
    formatMeasurement(r.ours),
    r.reference ? `${formatMeasurement(r.reference)} ${r.reference.label}` : '—',
    r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}×`,
    r.target,
    formatMet(r),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd();
  const notes = results.filter((r) => r.note).map((r) => `  ${r.id}: ${r.note}`);
  const paired = results.filter((r) => r.pairedRatios).map((r) => r.id);
  const method = paired.length > 0 ? ['', `Ratios of ${paired.join(', ')}: the median of the per-repetition ratios (both sides ran back to back in each repetition); the others: the ratio of the medians.`] : [];
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ...method, ...(notes.length > 0 ? ['', 'Notes:', ...notes] : [])].join('\n');
}
