/**
 * Range arithmetic for paging through a node's output: which pages cover a row range, which to
 * keep, and how many rows to show while the total is not known yet.
 */

export const PAGE_SIZE = 200;

/** Offsets of the pages that cover rows first..last (inclusive), in order. */
export function pageOffsetsFor(first: number, last: number, pageSize = PAGE_SIZE): number[] {
  if (last < first || last < 0) return [];
  const start = Math.floor(Math.max(0, first) / pageSize) * pageSize;
  const offsets: number[] = [];
  for (let offset = start; offset <= last; offset += pageSize) offsets.push(offset);
  return offsets;
}

/**
 * The pages worth having for a visible range: those it covers plus half a page of margin on
 * each side, so that a slow scroll finds the next rows already there. Capped at `limit` rows
 * when the total is known.
 */
export function wantedPages(first: number, last: number, limit: number | null, pageSize = PAGE_SIZE): number[] {
  const margin = Math.floor(pageSize / 2);
  const end = limit === null ? last + margin : Math.min(last + margin, limit - 1);
  return pageOffsetsFor(Math.max(0, first - margin), end, pageSize);
}

/** Pages ordered nearest-first to the middle of the visible range (load what the eye is on first). */
export function byDistance(offsets: number[], first: number, last: number, pageSize = PAGE_SIZE): number[] {
  const middle = (first + last) / 2;
  const distance = (offset: number) => Math.abs(offset + pageSize / 2 - middle);
  return [...offsets].sort((a, b) => distance(a) - distance(b));
}

/** Loaded pages to drop when over budget: the ones furthest from the middle of the view. */
export function pagesToEvict(loaded: number[], first: number, last: number, maxPages: number, pageSize = PAGE_SIZE): number[] {
  if (loaded.length <= maxPages) return [];
  return byDistance(loaded, first, last, pageSize).slice(maxPages);
}

export interface RowCount {
  /** Rows the grid scrolls through (including one page of placeholders while more may come). */
  rows: number;
  /** Rows known to exist: the label's number. */
  seen: number;
  exact: boolean;
}

export interface RowCountInput {
  /** From the preview (cached outputs) or the profile's rowCount. */
  totalRows: number | null;
  /** The end of the furthest page that came back (offset + rows). */
  loadedEnd: number;
  /** Set once a page came back short: the output ends there. */
  endAt: number | null;
  pageSize?: number;
}

/** How many rows to scroll through: the total when known, else what was seen plus a page to grow into. */
export function rowCountEstimate({ totalRows, loadedEnd, endAt, pageSize = PAGE_SIZE }: RowCountInput): RowCount {
  if (totalRows !== null) return { rows: totalRows, seen: totalRows, exact: true };
  if (endAt !== null) return { rows: endAt, seen: endAt, exact: true };
  return { rows: loadedEnd + pageSize, seen: loadedEnd, exact: false };
}
