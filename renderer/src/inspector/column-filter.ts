/** The column picker's list: names starting with what was typed first, then names containing it. */
import type { ColumnInfo } from '../../../engine/contract/api';

export function filterColumns(columns: readonly ColumnInfo[], query: string, exclude: readonly string[] = []): ColumnInfo[] {
  const q = query.trim().toLowerCase();
  const open = columns.filter((c) => !exclude.includes(c.name));
  if (!q) return open;
  const starts = open.filter((c) => c.name.toLowerCase().startsWith(q));
  const contains = open.filter((c) => !c.name.toLowerCase().startsWith(q) && c.name.toLowerCase().includes(q));
  return [...starts, ...contains];
}

/** Chip order after dragging the chip at `from` onto the chip at `to`. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return [...items];
  const next = [...items];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved as T);
  return next;
}
