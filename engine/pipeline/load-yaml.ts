/**
 * YAML text → PipelineDocument, with positions for every issue. Hostile or broken files get an
 * issue, quickly: size is checked before parsing, nesting and value counts are checked with the
 * (fast, non-recursive) lexer before the parser sees the text, and aliases are capped.
 */
import { CST, LineCounter, Lexer, parseDocument, isAlias, isCollection, isMap, type Document } from 'yaml';
import { noPositions, type PipelineDocument, type PipelineIssue, type SourcePosition, type SourcePositions } from './document.js';
import { readDocumentShape } from './document-shape.js';
import { issues, placeIssue, type IssueText } from './issue-codes.js';
import { YamlPositions } from './yaml-positions.js';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** How many copies aliases (*name) may expand into: plenty for reuse, far too few for a "billion laughs". */
export const MAX_ALIAS_COUNT = 100;
export const MAX_DEPTH = 64;
/** Far more than any pipeline needs; parsing this many YAML values already takes the parser seconds. */
export const MAX_VALUES = 100_000;

export interface LoadResult {
  /** Present when the text has the shape of a pipeline (see readDocumentShape); check `issues` before running it. */
  document?: PipelineDocument;
  issues: PipelineIssue[];
  positions: SourcePositions;
}

export interface LoadOptions {
  /** The file the text came from, for issue messages. */
  file?: string;
}

function positionOf(text: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Size of the text in UTF-8 without encoding it (this module also runs in the browser: no Buffer). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The lexer adds marker tokens (document start, scalar, flow error end) that are not in the text. */
export function sourceLength(token: string): number {
  return token === CST.DOCUMENT || token === CST.SCALAR || token === CST.FLOW_END ? 0 : token.length;
}

/**
 * The parser recurses per nesting level and is slow per value (and a deep enough flow collection
 * exhausts memory while it reports the error), so limits are checked on the lexer's tokens first.
 */
function checkComplexity(text: string): { text: IssueText; offset: number } | undefined {
  let offset = 0;
  let flowDepth = 0;
  let lineIndicators = 0;
  let values = 0;
  for (const token of new Lexer().lex(text)) {
    switch (CST.tokenType(token)) {
      case 'flow-map-start':
      case 'flow-seq-start':
        flowDepth++;
        values++;
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        flowDepth = Math.max(0, flowDepth - 1);
        break;
      case 'seq-item-ind':
      case 'explicit-key-ind':
      case 'map-value-ind':
        // `- - - x` nests on one line; in flow, `a: 1, b: 2` does not.
        if (flowDepth === 0) lineIndicators++;
        values++;
        break;
      case 'newline':
        lineIndicators = 0;
        break;
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar-header':
      case 'alias':
        values++;
        break;
      default:
    }
    if (flowDepth + lineIndicators > MAX_DEPTH) return { text: issues.tooDeep(MAX_DEPTH), offset };
    if (values > MAX_VALUES) return { text: issues.tooManyValues(MAX_VALUES), offset };
    offset += sourceLength(token);
  }
  return undefined;
}

/** A node nested deeper than the limit (block nesting the lexer cannot see), found without recursion. */
function tooDeep(doc: Document.Parsed): { range?: [number, number, number] | null } | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 1 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (item.depth > MAX_DEPTH) return (item.node ?? {}) as { range?: [number, number, number] | null };
    if (!isCollection(item.node)) continue;
    for (const child of item.node.items) {
      const value = isMap(item.node) ? (child as { value: unknown }).value : child;
      stack.push({ node: value, depth: item.depth + 1 });
    }
  }
  return undefined;
}

/** Whether text is too big or too deeply nested to hand to the YAML parser at all. */
export function tooComplexToParse(text: string): boolean {
  return utf8Length(text) > MAX_FILE_BYTES || checkComplexity(text) !== undefined;
}

/** The key written at an offset, for DUPLICATE_KEY: `"type": x` → `type`. */
function keyText(text: string, offset: number): string {
  const line = text.slice(offset, text.indexOf('\n', offset) === -1 ? undefined : text.indexOf('\n', offset));
  const match = /^\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^:#,{}[\]]*?))\s*:/.exec(line);
  return (match?.[1] ?? match?.[2]?.replaceAll("''", "'") ?? match?.[3] ?? line).trim();
}

export function loadPipelineText(text: string, options: LoadOptions = {}): LoadResult {
  const { file } = options;
  const fail = (issue: IssueText, position: SourcePosition): LoadResult => ({ issues: [placeIssue(issue, { file, position })], positions: noPositions });
  const bytes = utf8Length(text);
  if (bytes > MAX_FILE_BYTES) return fail(issues.fileTooLarge(bytes, MAX_FILE_BYTES), { line: 1, column: 1 });
  const complexity = checkComplexity(text);
  if (complexity) return fail(complexity.text, positionOf(text, complexity.offset));

  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false, // the pretty printer builds a regex per error context: slow on hostile input
    stringKeys: true,
    uniqueKeys: true,
    resolveKnownTags: false, // no !!binary, !!set, !!timestamp: pipeline files hold plain values
    merge: false,
    logLevel: 'silent',
  });
  const positions = new YamlPositions(doc, lines);
  const at = (offset: number): SourcePosition => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const found: PipelineIssue[] = [];
  for (const e of doc.errors) {
    const what = e.code === 'DUPLICATE_KEY' ? issues.duplicateKey(keyText(text, e.pos[0])) : e.code === 'RESOURCE_EXHAUSTION' ? issues.tooDeep(MAX_DEPTH) : issues.yamlSyntax(e.message);
    found.push(placeIssue(what, { file, position: at(e.pos[0]) }));
  }
  for (const w of doc.warnings) {
    const what = w.code === 'TAG_RESOLVE_FAILED' ? issues.unknownTag(w.message.replace(/^Unresolved tag: /, '')) : issues.yamlWarning(w.message);
    found.push(placeIssue(what, { file, position: at(w.pos[0]) }));
  }
  if (found.some((i) => i.severity === 'error')) return { issues: found, positions };
  const deep = tooDeep(doc);
  if (deep) return { issues: [...found, placeIssue(issues.tooDeep(MAX_DEPTH), { file, position: at(deep.range?.[0] ?? 0) })], positions };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    return { issues: [...found, placeIssue(issues.aliasLimit(MAX_ALIAS_COUNT), { file, position: aliasPosition(doc, lines) })], positions };
  }
  const shape = readDocumentShape(data, { positions, file });
  const result: LoadResult = { issues: [...found, ...shape.issues], positions };
  if (shape.document) result.document = shape.document;
  return result;
}

/** The first alias in the file, where an alias bomb is reported. */
function aliasPosition(doc: Document.Parsed, lines: LineCounter): SourcePosition {
  const stack: unknown[] = [doc.contents];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (isAlias(node) && node.range) {
      const { line, col } = lines.linePos(node.range[0]);
      return { line, column: col };
    }
    if (isCollection(node)) {
      for (const child of [...node.items].reverse()) stack.push(isMap(node) ? (child as { value: unknown }).value : child);
    }
  }
  return { line: 1, column: 1 };
}

/** Read and load a pipeline file; the size is checked before the file is read. */
export async function loadPipelineFile(file: string): Promise<LoadResult> {
  // Imported here so that the rest of this module also loads in the browser (the canvas's YAML view).
  const { readFile, stat } = await import('node:fs/promises');
  const failed = (text: IssueText): LoadResult => ({ issues: [placeIssue(text, { file, position: { line: 1, column: 1 } })], positions: noPositions });
  let text: string;
  try {
    const { size } = await stat(file);
    if (size > MAX_FILE_BYTES) return failed(issues.fileTooLarge(size, MAX_FILE_BYTES));
    text = await readFile(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file.' : e instanceof Error ? e.message : String(e);
    return failed(issues.fileUnreadable(file, reason));
  }
  return loadPipelineText(text, { file });
}
