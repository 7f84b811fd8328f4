/** Numbers on cards: 1234 → 1,234; 12345678 → 12.3M (cards are narrow). */
const exact = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export function formatCount(n: number): string {
  return Math.abs(n) >= 1_000_000 ? compact.format(n) : exact.format(n);
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** `344 rows × 8 cols`, or rows alone when columns are unknown. */
export function shapeText(rows: number | undefined, columns: number | undefined): string | undefined {
  if (rows === undefined) return undefined;
  const r = `${formatCount(rows)} row${rows === 1 ? '' : 's'}`;
  return columns === undefined ? r : `${r} × ${columns} col${columns === 1 ? '' : 's'}`;
}

/** Engine messages name the node ("Node "x": …"); on the node's own card that is noise. */
export function withoutNodePrefix(message: string, id: string): string {
  const prefix = `Node "${id}": `;
  return message.startsWith(prefix) ? message.charAt(prefix.length).toUpperCase() + message.slice(prefix.length + 1) : message;
}
