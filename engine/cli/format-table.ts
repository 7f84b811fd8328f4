/** Plain-text tables for the terminal: aligned columns, long values cut, too-wide tables cut with a note. */

export interface TextTableOptions {
  /** Maximum width of the whole table (default: the terminal's, or 120). */
  width?: number;
  /** Maximum width of one cell. */
  cellWidth?: number;
  /** Right-align these column indexes (numbers). */
  alignRight?: Set<number>;
}

function cut(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= width ? flat : `${flat.slice(0, Math.max(1, width - 1))}…`;
}

export function formatTable(header: string[][], rows: string[][], options: TextTableOptions = {}): string {
  // A terminal cuts at its width; piped output (a file, less -S) keeps every column.
  const maxWidth = options.width ?? (process.stdout.isTTY ? process.stdout.columns || 120 : Number.POSITIVE_INFINITY);
  const cellWidth = options.cellWidth ?? 32;
  const all = [...header, ...rows].map((r) => r.map((c) => cut(c, cellWidth)));
  const count = Math.max(0, ...all.map((r) => r.length));
  const widths = Array.from({ length: count }, (_, i) => Math.max(1, ...all.map((r) => (r[i] ?? '').length)));
  // Keep as many columns as fit; say how many were left out.
  let shown = 0;
  let used = 0;
  while (shown < count && used + widths[shown]! + (shown > 0 ? 2 : 0) <= maxWidth) {
    used += widths[shown]! + (shown > 0 ? 2 : 0);
    shown++;
  }
  shown = Math.max(1, shown);
  const line = (r: string[]) =>
    r
      .slice(0, shown)
      .map((c, i) => (options.alignRight?.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = all.slice(0, header.length).map(line);
  out.push(widths.slice(0, shown).map((w) => '─'.repeat(w)).join('  '));
  out.push(...all.slice(header.length).map(line));
  if (shown < count) out.push(`… ${count - shown} more column(s) not shown (use --json for all)`);
  return out.join('\n');
}

/** A compact bar chart of counts in one line: ▁▂▃▅▇. */
export function sparkline(counts: number[]): string {
  const bars = '▁▂▃▄▅▆▇█';
  const max = Math.max(0, ...counts);
  if (max === 0) return '';
  return counts.map((c) => (c === 0 ? ' ' : bars[Math.min(bars.length - 1, Math.floor((c / max) * (bars.length - 1)))])).join('');
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** A message that may span lines (DuckDB's do: `Candidate bindings: …`) as one line for a progress or error line. */
export function oneLine(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
}

export function formatDuration(ms: number): string {
  if (ms < 999.5) return `${Math.round(ms)}ms`;
  if (ms < 59_950) return `${(ms / 1000).toFixed(ms < 9_995 ? 2 : 1)}s`;
  // Round to whole seconds first, so 3 min 59.8 s reads 4m0s, not 3m60s.
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}m${seconds % 60}s`;
}
