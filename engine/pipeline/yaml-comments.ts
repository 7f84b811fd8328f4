/**
 * Keeping the user's comments when a pipeline is formatted. The formatter re-creates the YAML
 * from data (so the output is canonical), then puts each comment back on what it annotates,
 * found by a path that survives reordering (`nodes / id=clean / params / condition`):
 *
 * - comment lines above a key or list item belong to it (blank lines among them are kept);
 * - a comment at the end of a line belongs to the entry written on that line;
 * - comments at the very top (followed by a blank line) and at the very end stay there;
 * - a blank line before an entry is kept (so the collection holding it stays in block style).
 *
 * A comment whose entry no longer exists (a deleted node) is dropped. Only `#` comments on their
 * own line or at a line's end exist in YAML, so nothing else can be lost.
 */
import { sourceLength, tooComplexToParse } from './load-yaml.js';
import { CST, LineCounter, Lexer, isCollection, isMap, isPair, isScalar, parseDocument, type Document, type Node as YamlNode, type Pair } from 'yaml';

interface Entry {
  /** Path key, e.g. `["nodes","id=clean","params"]`. */
  path: string;
  depth: number;
  pair?: Pair;
  /** A list item (when not a map entry). */
  item?: YamlNode;
  value: unknown;
  /** The first entry of its collection (a blank line above it means nothing). */
  first: boolean;
}

export interface EntryComments {
  before?: string;
  trailing?: string;
  spaceBefore?: boolean;
}

export interface CommentMap {
  entries: Map<string, EntryComments>;
  header?: string;
  trailer?: string;
}

/** Every map entry and list item. */
function entriesOf(doc: Document): Entry[] {
  const found: Entry[] = [];
  const stack: { node: unknown; path: string[] }[] = [{ node: doc.contents, path: [] }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const { node, path } = top;
    if (!isCollection(node)) continue;
    const children: { node: unknown; path: string[] }[] = [];
    const seen = new Set<string>();
    node.items.forEach((child: unknown, index: number) => {
      let segment = `#${index}`;
      let entry: Entry;
      if (isPair(child)) {
        segment = String(isScalar(child.key) ? child.key.value : index);
        entry = { path: '', depth: path.length + 1, pair: child, value: child.value, first: index === 0 };
      } else {
        // Nodes are found by id, so a comment follows its node wherever the node moves.
        const id = path.length === 1 && path[0] === 'nodes' && isMap(child) ? child.get('id') : undefined;
        if (typeof id === 'string' && !seen.has(id)) segment = `id=${id}`;
        if (typeof id === 'string') seen.add(id);
        entry = { path: '', depth: path.length + 1, item: child as YamlNode, value: child, first: index === 0 };
      }
      const childPath = [...path, segment];
      entry.path = JSON.stringify(childPath);
      found.push(entry);
      children.push({ node: entry.value, path: childPath });
    });
    stack.push(...children.reverse());
  }
  return found;
}

const startOf = (e: Entry): number | undefined => (e.pair ? (e.pair.key as YamlNode | null)?.range?.[0] : e.item?.range?.[0]);
const endOf = (e: Entry): number | undefined => ((e.value as YamlNode | null)?.range?.[1] ?? (e.pair?.key as YamlNode | null)?.range?.[1]);

interface Located extends Entry {
  start: number;
  startLine: number;
  endLine: number;
}

function byLine(entries: readonly Located[], line: (e: Located) => number): Map<number, Located[]> {
  const map = new Map<number, Located[]>();
  for (const e of entries) {
    const list = map.get(line(e));
    if (list) list.push(e);
    else map.set(line(e), [e]);
  }
  return map;
}

/** The comments of a YAML text, by the path of what each annotates; undefined if the text does not parse. */
export function collectComments(source: string): CommentMap | undefined {
  if (tooComplexToParse(source)) return undefined;
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, stringKeys: true, prettyErrors: false, logLevel: 'silent' });
  if (doc.errors.length > 0) return undefined;
  const lineOf = (offset: number) => lines.linePos(offset).line;
  const sourceLines = source.split('\n');
  const blank = (line: number) => (sourceLines[line - 1] ?? '').trim() === '';

  const entries: Located[] = entriesOf(doc).flatMap((e) => {
    const [start, end] = [startOf(e), endOf(e)];
    return start === undefined || end === undefined ? [] : [{ ...e, start, startLine: lineOf(start), endLine: lineOf(Math.max(start, end - 1)) }];
  });
  // Text order, outer before inner where they start together (a list item before its first key).
  entries.sort((a, b) => a.start - b.start || a.depth - b.depth);
  const starting = byLine(entries, (e) => e.startLine);
  const ending = byLine(entries, (e) => e.endLine);
  const firstLine = entries[0]?.startLine ?? Infinity;
  const map: CommentMap = { entries: new Map() };
  const comments = (path: string) => {
    let c = map.entries.get(path);
    if (!c) map.entries.set(path, (c = {}));
    return c;
  };

  // Comment tokens from the lexer: real comments only, never a `#` inside a string.
  const own: { line: number; text: string }[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(source)) {
    if (CST.tokenType(token) === 'comment') {
      const line = lineOf(offset);
      const text = token.slice(1);
      const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
      const startsHere = starting.get(line) ?? [];
      const endsHere = ending.get(line) ?? [];
      // At a line's end: the outermost entry written wholly on the line, else the innermost one starting or ending there.
      const target = source.slice(lineStart, offset).trim() === '' ? undefined : (startsHere.find((e) => e.endLine === line) ?? startsHere.at(-1) ?? endsHere.at(-1));
      if (target) comments(target.path).trailing = text;
      else own.push({ line, text });
    }
    offset += sourceLength(token);
  }

  // Own-line comments, in groups (blank lines between them kept), go to the first entry that starts after them.
  let nextEntry = 0;
  for (let i = 0; i < own.length; ) {
    const group = [own[i++] as { line: number; text: string }];
    for (let next = own[i]; next; next = own[++i]) {
      const previous = (group.at(-1) as { line: number }).line;
      if (!Array.from({ length: next.line - previous - 1 }, (_, k) => previous + 1 + k).every(blank)) break;
      group.push(next);
    }
    const first = (group[0] as { line: number }).line;
    const last = (group.at(-1) as { line: number }).line;
    const text = group.flatMap((c, k) => [...Array<string>(k === 0 ? 0 : c.line - (group[k - 1] as { line: number }).line - 1).fill(''), c.text]).join('\n');
    while (nextEntry < entries.length && (entries[nextEntry] as Located).startLine <= last) nextEntry++;
    const next = entries[nextEntry];
    if (!next) map.trailer = map.trailer === undefined ? text : `${map.trailer}\n${text}`;
    else if (firstLine > last && blank(last + 1)) map.header = text;
    else {
      const c = comments(next.path);
      c.before = c.before === undefined ? text : `${c.before}\n${text}`;
      if (blank(first - 1) && firstLine < first - 1) c.spaceBefore = true;
    }
  }
  // Blank lines before entries (only the outermost entry on a line owns the blank line above it).
  for (const [line, [outer]] of starting) {
    if (outer && !outer.first && blank(line - 1) && firstLine < line - 1 && !map.entries.get(outer.path)?.before) comments(outer.path).spaceBefore = true;
  }
  return map;
}

/** What of `c` shows on this entry of the new document (a blank line above the first entry of a collection does not). */
function effective(c: EntryComments | undefined, entry: Entry): boolean {
  return c !== undefined && (c.before !== undefined || c.trailing !== undefined || (c.spaceBefore === true && !entry.first));
}

/** The collections of a newly built document that hold commented entries (or blank lines), so must be in block style. */
export function commentedCollections(comments: CommentMap | undefined, doc: Document): Set<unknown> {
  const found = new Set<unknown>();
  if (!comments) return found;
  const entries = entriesOf(doc);
  const containers = new Set<string>();
  for (const entry of entries) {
    if (!effective(comments.entries.get(entry.path), entry)) continue;
    const segments = JSON.parse(entry.path) as string[];
    for (let n = 1; n < segments.length; n++) containers.add(JSON.stringify(segments.slice(0, n)));
  }
  for (const entry of entries) if (containers.has(entry.path)) found.add(entry.value);
  return found;
}

/** Put the collected comments on the matching entries of a newly built document. */
export function applyComments(comments: CommentMap, doc: Document): void {
  if (comments.header !== undefined) doc.commentBefore = comments.header;
  if (comments.trailer !== undefined) doc.comment = comments.trailer;
  for (const entry of entriesOf(doc)) {
    const c = comments.entries.get(entry.path);
    if (!c) continue;
    const anchor = (entry.pair ? entry.pair.key : entry.item) as YamlNode | null;
    if (!anchor) continue;
    if (c.before !== undefined) anchor.commentBefore = c.before;
    if (c.spaceBefore && !entry.first) anchor.spaceBefore = true;
    if (c.trailing !== undefined) {
      const value = entry.value as YamlNode | null;
      if (!value) anchor.comment = c.trailing;
      else if (isCollection(value) && !value.flow) value.commentBefore = value.commentBefore ? `${c.trailing}\n${value.commentBefore}` : c.trailing;
      else value.comment = c.trailing;
    }
  }
}
