/** Starting widths of grid columns, from their type and name, and the bounds of resizing. */
import { isNumericType } from './format';

export const MIN_COLUMN_WIDTH = 64;
export const MAX_COLUMN_WIDTH = 640;

export function initialColumnWidth(name: string, type: string): number {
  const byType = isNumericType(type) ? 128 : /^(DATE|TIME)/i.test(type) ? 168 : /^BOOL/i.test(type) ? 96 : 168;
  // Room for the name in the header (about 7px a character at 13px) plus the resize handle.
  const byName = name.length * 7.5 + 28;
  return clampWidth(Math.max(byType, Math.min(byName, 260)));
}

export function clampWidth(width: number): number {
  return Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, width)));
}
