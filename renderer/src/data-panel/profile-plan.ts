/**
 * The order in which the panel asks for a profile: a quick sample first when the output is
 * (or may be) bigger than the sample, then the full profile; and how to label what is shown.
 */
import type { TableProfile } from '../../../engine/contract/api';
import type { ColumnProfile } from './types';
import { formatCount, formatDuration } from './format';

export const SAMPLE_ROWS = 20_000;

export type ProfileStep = 'sample' | 'full';

/** Skip the sample when the whole output is no bigger than it. */
export function profileSteps(totalRows: number | null, sampleRows = SAMPLE_ROWS): ProfileStep[] {
  return totalRows !== null && totalRows <= sampleRows ? ['full'] : ['sample', 'full'];
}

/** A sample profile of a table that fits in the sample is already the full profile. */
export function isComplete(profile: TableProfile): boolean {
  return !profile.sampled;
}

/** "Sample of 20,000 rows (of 1,234,567) — full profile loading…", "Full profile · 1,234,567 rows · 1.2 s". */
export function profileLabel(profile: TableProfile, fullPending: boolean): string {
  if (profile.sampled) {
    const sample = `Sample of ${formatCount(profile.sampleRows ?? SAMPLE_ROWS)} rows (of ${formatCount(profile.rowCount)})`;
    return fullPending ? `${sample} — full profile loading…` : sample;
  }
  return `Full profile · ${formatCount(profile.rowCount)} ${profile.rowCount === 1 ? 'row' : 'rows'} · ${formatDuration(profile.elapsedMs)}`;
}

/** Columns whose name, type or kind contains the query (case-insensitive); all for an empty query. */
export function filterColumns(columns: ColumnProfile[], query: string): ColumnProfile[] {
  const q = query.trim().toLowerCase();
  if (!q) return columns;
  return columns.filter((c) => c.name.toLowerCase().includes(q) || c.type.toLowerCase().includes(q) || c.kind === q);
}
