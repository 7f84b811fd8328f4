/**
 * Row virtualisation arithmetic for outputs of any length. Rows have one fixed height, so the
 * visible range is a division. Browsers cap an element's height (~17M px in Firefox, ~33M in
 * Chrome): 10M rows × 24 px do not fit, so past MAX_SCROLL_PX the scrollbar is scaled — the
 * "virtual" offset (rows × height) maps onto a shorter real scroll range. Wheel and keys then
 * move by virtual pixels (exact), the scrollbar thumb by the scale (fast travel).
 */

export const ROW_HEIGHT = 24;
export const MAX_SCROLL_PX = 8_000_000;

export interface ScrollGeometry {
  /** Height of the rows area's scroll content in real pixels. */
  contentHeight: number;
  /** Virtual pixels per real scroll pixel (1 when the rows fit). */
  scale: number;
  /** The largest virtual offset (last row at the bottom of the viewport). */
  maxVirtual: number;
}

export function scrollGeometry(rowCount: number, viewportHeight: number, rowHeight = ROW_HEIGHT, maxScrollPx = MAX_SCROLL_PX): ScrollGeometry {
  const virtualHeight = rowCount * rowHeight;
  const viewport = Math.max(0, viewportHeight);
  const maxVirtual = Math.max(0, virtualHeight - viewport);
  if (virtualHeight <= maxScrollPx) return { contentHeight: virtualHeight, scale: 1, maxVirtual };
  const maxReal = Math.max(1, maxScrollPx - viewport);
  return { contentHeight: maxScrollPx, scale: maxVirtual / maxReal, maxVirtual };
}

/** The virtual offset for a real scrollTop (a scrollbar drag). */
export function virtualFromReal(scrollTop: number, geometry: ScrollGeometry): number {
  return clamp(scrollTop * geometry.scale, 0, geometry.maxVirtual);
}

/** Where the real scrollbar goes for a virtual offset. */
export function realFromVirtual(offset: number, geometry: ScrollGeometry): number {
  return clamp(offset, 0, geometry.maxVirtual) / geometry.scale;
}

/** Move the virtual offset by a wheel or key delta, kept within the rows. */
export function scrollBy(offset: number, delta: number, geometry: ScrollGeometry): number {
  return clamp(offset + delta, 0, geometry.maxVirtual);
}

export interface RowRange {
  first: number;
  last: number;
}

/** Rows visible (plus `overscan` each side) at a virtual offset. Empty (last < first) for no rows. */
export function visibleRows(offset: number, viewportHeight: number, rowCount: number, overscan = 6, rowHeight = ROW_HEIGHT): RowRange {
  if (rowCount <= 0) return { first: 0, last: -1 };
  const first = Math.floor(offset / rowHeight);
  const last = Math.ceil((offset + Math.max(0, viewportHeight)) / rowHeight) - 1;
  return { first: clamp(first - overscan, 0, rowCount - 1), last: clamp(last + overscan, 0, rowCount - 1) };
}

/** A row's top inside the scroll content: placed relative to the real scrollTop, so scaling never shows. */
export function rowTop(index: number, offset: number, scrollTop: number, rowHeight = ROW_HEIGHT): number {
  return scrollTop + index * rowHeight - offset;
}

/** Pixels a wheel event scrolls, whatever its deltaMode (0 pixels, 1 lines, 2 pages). */
export function wheelPixels(delta: number, deltaMode: number, viewportHeight: number, rowHeight = ROW_HEIGHT): number {
  if (deltaMode === 1) return delta * rowHeight;
  if (deltaMode === 2) return delta * Math.max(rowHeight, viewportHeight - rowHeight);
  return delta;
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}
