/**
 * Completion items for the SQL editors, as pure data (no Monaco): upstream column names, quoted
 * the way DuckDB needs them, and `{{port}}` placeholders for the sql node. Also where the text
 * being completed starts, so `"Body Ma` or `{{i` is replaced as a whole.
 */

export interface EditorCompletion {
  /** What the list shows and, unless insertText says otherwise, what is inserted. */
  label: string;
  /** Shown to the right, e.g. the column's type. */
  detail?: string;
  insertText?: string;
  kind?: 'column' | 'table' | 'keyword';
}

export interface ColumnLike {
  name: string;
  type: string;
}

// Words DuckDB reserves: a column named like one must be quoted (a subset is enough: the ones a column is likely to be called).
const RESERVED = new Set(
  (
    'all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create ' +
    'default deferrable desc distinct do else end except false fetch for foreign from grant group having in ' +
    'initially intersect into lateral leading limit not null offset on only or order placing primary references ' +
    'returning select symmetric table then to trailing true union unique using variadic when where window with ' +
    'pivot unpivot qualify summarize describe show'
  ).split(' '),
);

/** A column name as it must be written in DuckDB SQL: bare when it can be, else in double quotes. */
export function sqlIdentifier(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !RESERVED.has(name.toLowerCase())) return name;
  return `"${name.replaceAll('"', '""')}"`;
}

/** One completion per column, quoted when needed, with the type (and the input it comes from) as detail. */
export function columnCompletions(columns: readonly ColumnLike[], from?: string): EditorCompletion[] {
  return columns.map((c) => ({ label: sqlIdentifier(c.name), detail: from ? `${c.type} · ${from}` : c.type, kind: 'column' }));
}

/** `{{port}}` placeholders for the sql node's inputs. */
export function portCompletions(ports: readonly string[]): EditorCompletion[] {
  return ports.map((port) => ({ label: `{{${port}}}`, detail: 'input table', kind: 'table' }));
}

/** Columns of several inputs, each name once (the first input that has it wins). */
export function mergedColumnCompletions(inputs: Record<string, readonly ColumnLike[]>): EditorCompletion[] {
  const seen = new Set<string>();
  const many = Object.keys(inputs).length > 1;
  const items: EditorCompletion[] = [];
  for (const [port, columns] of Object.entries(inputs)) {
    for (const item of columnCompletions(columns.filter((c) => !seen.has(c.name)), many ? port : undefined)) items.push(item);
    for (const c of columns) seen.add(c.name);
  }
  return items;
}

/**
 * Where the token being completed starts in `lineBefore` (the line up to the cursor), 0-based:
 * inside an open double quote it starts at the quote (so `"Body Ma` is replaced by `"Body Mass (g)"`),
 * after `{{` it starts at the braces, else at the start of the word.
 */
export function completionStart(lineBefore: string): { start: number; quoted: boolean; braces?: boolean } {
  let open = -1;
  for (let i = 0; i < lineBefore.length; i++) {
    const ch = lineBefore[i];
    if (ch === "'") {
      // Skip string literals: a quote inside 'it"s' is not an identifier quote.
      const close = lineBefore.indexOf("'", i + 1);
      if (close === -1) return { start: lineBefore.length, quoted: false };
      i = close;
    } else if (ch === '"') {
      open = open === -1 ? i : -1;
    }
  }
  if (open !== -1) return { start: open, quoted: true };
  let start = lineBefore.length;
  while (start > 0 && /[A-Za-z0-9_]/.test(lineBefore[start - 1] ?? '')) start--;
  if (lineBefore.slice(0, start).endsWith('{{')) return { start: start - 2, quoted: false, braces: true };
  return { start, quoted: false };
}

/**
 * How many characters after the cursor the completion also replaces: the closing quote or braces
 * the editor typed automatically (`"Bo|"` → `"Body Mass (g)"`, not `"Body Mass (g)""`).
 */
export function completionEnd(lineAfter: string, context: { quoted: boolean; braces?: boolean }): number {
  if (context.quoted) return lineAfter.startsWith('"') ? 1 : 0;
  if (context.braces) return lineAfter.startsWith('}}') ? 2 : lineAfter.startsWith('}') ? 1 : 0;
  return 0;
}

/** The text the completion list filters on: the label, without quotes unless the user typed one. */
export function filterTextFor(item: EditorCompletion, quoted: boolean): string {
  if (quoted || !item.label.startsWith('"')) return item.label;
  return item.label.slice(1, -1).replaceAll('""', '"');
}
