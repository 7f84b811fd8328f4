/**
 * Every pipeline issue code and its message, in one place, so the CLI, the engine and the
 * canvas say the same thing in the same words. A builder returns the "what"; the caller adds
 * the "where" (node, port, param, line) with `placeIssue`.
 */
import type { PipelineIssue, SourcePosition } from './document.js';

export const IssueCode = {
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  FILE_UNREADABLE: 'FILE_UNREADABLE',
  YAML_SYNTAX: 'YAML_SYNTAX',
  DUPLICATE_KEY: 'DUPLICATE_KEY',
  ALIAS_LIMIT: 'ALIAS_LIMIT',
  TOO_COMPLEX: 'TOO_COMPLEX',
  BAD_VALUE: 'BAD_VALUE',
  UNKNOWN_KEY: 'UNKNOWN_KEY',
  MISSING_KEY: 'MISSING_KEY',
  BAD_FORMAT_VERSION: 'BAD_FORMAT_VERSION',
  BAD_NODE_ID: 'BAD_NODE_ID',
  DUPLICATE_ID: 'DUPLICATE_ID',
  UNKNOWN_NODE_TYPE: 'UNKNOWN_NODE_TYPE',
  BAD_PARAM: 'BAD_PARAM',
  UNKNOWN_PARAM: 'UNKNOWN_PARAM',
  MISSING_PARAM: 'MISSING_PARAM',
  UNKNOWN_INPUT_PORT: 'UNKNOWN_INPUT_PORT',
  MISSING_INPUT: 'MISSING_INPUT',
  DANGLING_INPUT: 'DANGLING_INPUT',
  UNKNOWN_OUTPUT_PORT: 'UNKNOWN_OUTPUT_PORT',
  PORT_TYPE_MISMATCH: 'PORT_TYPE_MISMATCH',
  CYCLE: 'CYCLE',
  LAYOUT_UNKNOWN_NODE: 'LAYOUT_UNKNOWN_NODE',
} as const;
export type IssueCode = (typeof IssueCode)[keyof typeof IssueCode];

/** The "what" of an issue: code, severity, message and what to do. */
export interface IssueText {
  code: IssueCode;
  severity: 'error' | 'warning';
  message: string;
  hint?: string;
}

/** The "where" of an issue. */
export interface IssuePlace {
  nodeId?: string;
  port?: string;
  param?: string;
  file?: string;
  position?: SourcePosition;
}

export function placeIssue(text: IssueText, place: IssuePlace = {}): PipelineIssue {
  const { position, ...rest } = place;
  const issue: PipelineIssue = { ...text };
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) Object.assign(issue, { [key]: value });
  if (position) {
    issue.line = position.line;
    issue.column = position.column;
  }
  return issue;
}

const error = (code: IssueCode, message: string, hint?: string): IssueText => (hint ? { code, severity: 'error', message, hint } : { code, severity: 'error', message });

/** `"a", "b" and "c"` */
export function quoteList(names: readonly string[]): string {
  const quoted = names.map((n) => JSON.stringify(n));
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** A value as a person would name it in a message: `"0.8x"`, `5`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return typeof value;
}

/** Edit distance where swapping two neighbouring letters counts once (`lable` → `label`), for "did you mean". */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => d[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** The closest candidate, if it is close enough to be a plausible typo. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  const allowed = Math.max(1, Math.floor(name.length / 3));
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}

const didYouMean = (suggestion: string | undefined) => (suggestion === undefined ? '' : ` Did you mean "${suggestion}"?`);
const node = (id: string) => `Node "${id}"`;

export const issues = {
  fileTooLarge: (bytes: number, limit: number) =>
    error(
      IssueCode.FILE_TOO_LARGE,
      `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB (${bytes} bytes); a pipeline file may be at most ${limit / 1024 / 1024} MB.`,
      'Keep data in separate files and refer to them by path.',
    ),
  fileUnreadable: (file: string, reason: string) => error(IssueCode.FILE_UNREADABLE, `Cannot read "${file}": ${reason}`),
  yamlSyntax: (detail: string) => error(IssueCode.YAML_SYNTAX, `YAML syntax error: ${detail}`, 'Check indentation, colons and closing brackets or quotes here.'),
  yamlWarning: (detail: string): IssueText => ({ code: IssueCode.YAML_SYNTAX, severity: 'warning', message: `YAML: ${detail}` }),
  unknownTag: (tag: string) =>
    error(IssueCode.YAML_SYNTAX, `Unknown YAML tag ${tag}.`, 'Pipeline files use plain YAML values; remove the tag (quote the value if it should be text).'),
  duplicateKey: (key: string) => error(IssueCode.DUPLICATE_KEY, `The key "${key}" appears twice in the same map.`, 'Remove or rename one of them.'),
  aliasLimit: (limit: number) =>
    error(
      IssueCode.ALIAS_LIMIT,
      `The file expands YAML aliases (*name) into more than ${limit} copies; refusing it as a likely resource-exhaustion attack.`,
      'Write the values out instead of using anchors (&name) and aliases (*name).',
    ),
  tooDeep: (limit: number) => error(IssueCode.TOO_COMPLEX, `The YAML is nested more than ${limit} levels deep.`, 'A pipeline file never needs this much nesting; check the file is a Millrace pipeline.'),
  tooManyValues: (limit: number) =>
    error(IssueCode.TOO_COMPLEX, `The file holds more than ${limit} YAML values.`, 'Keep long lists of values in a data file and read it with a source node.'),
  emptyFile: () => error(IssueCode.BAD_VALUE, 'The file is empty.', 'A pipeline file starts with `millrace: 1`, then `name:` and `nodes:`.'),
  badValue: (where: string, expected: string, got: unknown) => error(IssueCode.BAD_VALUE, `${where} must be ${expected}, got ${describeValue(got)}.`),
  nonScalarKey: (where: string) => error(IssueCode.BAD_VALUE, `${where} has a key that is a list or map; keys must be plain text.`),
  unknownKey: (key: string, where: string, allowed: readonly string[]) =>
    error(IssueCode.UNKNOWN_KEY, `Unknown key "${key}" ${where}.${didYouMean(closest(key, allowed))}`, `Allowed keys: ${allowed.join(', ')}.`),
  missingKey: (key: string, where: string, hint?: string) => error(IssueCode.MISSING_KEY, `Missing required key "${key}" ${where}.`, hint),
  badFormatVersion: (version: unknown, supported: number) =>
    typeof version === 'number' && version > supported
      ? error(IssueCode.BAD_FORMAT_VERSION, `This file is pipeline format ${version}; this version of Millrace reads format ${supported}.`, 'Update Millrace to open it.')
      : error(IssueCode.BAD_FORMAT_VERSION, `"millrace" must be the format version ${supported}, got ${describeValue(version)}.`, `Write \`millrace: ${supported}\`.`),
  badNodeId: (id: string) =>
    error(
      IssueCode.BAD_NODE_ID,
      `Node id ${JSON.stringify(id)} is not valid.`,
      'An id starts with a letter or _ and holds only letters, digits, _ and - (e.g. clean_data).',
    ),
  duplicateId: (id: string, firstLine: number | undefined) =>
    error(IssueCode.DUPLICATE_ID, `Node id "${id}" is used twice${firstLine === undefined ? '' : ` (first on line ${firstLine})`}.`, 'Give each node its own id.'),
  unknownNodeType: (id: string, type: string, suggestion: string | undefined) =>
    error(IssueCode.UNKNOWN_NODE_TYPE, `${node(id)} has unknown type "${type}".${didYouMean(suggestion)}`, 'See the node catalogue (the palette, or the README) for the node types.'),
  badParam: (id: string, path: string, detail: string) => error(IssueCode.BAD_PARAM, `${node(id)}: ${path ? `params.${path}` : 'params'}: ${detail}`),
  unknownParam: (id: string, path: string, key: string, allowed: readonly string[]) =>
    error(
      IssueCode.UNKNOWN_PARAM,
      `${node(id)}: unknown param "${path}".${didYouMean(closest(key, allowed))}`,
      allowed.length > 0 ? `Params here: ${allowed.join(', ')}.` : undefined,
    ),
  missingParam: (id: string, path: string) => error(IssueCode.MISSING_PARAM, `${node(id)}: missing required param "${path}".`),
  unknownInputPort: (id: string, type: string, port: string, ports: readonly string[], variadic: boolean) =>
    variadic
      ? error(IssueCode.UNKNOWN_INPUT_PORT, `${node(id)} (${type}): input name "${port}" is not valid.`, 'Input names start with a letter or _ and hold only letters, digits and _.')
      : error(
          IssueCode.UNKNOWN_INPUT_PORT,
          `${node(id)} (${type}) has no input port "${port}".${didYouMean(closest(port, ports))}`,
          ports.length > 0 ? `Its input ports: ${ports.join(', ')}.` : `${type} takes no inputs.`,
        ),
  missingInput: (id: string, type: string, port: string) =>
    error(IssueCode.MISSING_INPUT, `${node(id)} (${type}): required input "${port}" is not connected.`, `Connect it under \`inputs: { ${port}: <node id> }\`.`),
  danglingInput: (id: string, port: string, ref: string, target: string, suggestion: string | undefined) =>
    error(IssueCode.DANGLING_INPUT, `${node(id)}: input "${port}" reads from "${ref}", but there is no node "${target}".${didYouMean(suggestion)}`),
  unknownOutputPort: (id: string, port: string, ref: string, target: string, targetType: string, outputs: readonly string[]) =>
    error(
      IssueCode.UNKNOWN_OUTPUT_PORT,
      `${node(id)}: input "${port}" reads from "${ref}", but "${target}" (${targetType}) has no output port "${ref.includes('.') ? ref.slice(ref.indexOf('.') + 1) : 'out'}".`,
      outputs.length === 0 ? `${targetType} has no outputs.` : `Its output ports: ${outputs.join(', ')} (write e.g. "${target}.${outputs[0]}").`,
    ),
  portTypeMismatch: (id: string, port: string, portType: string, ref: string, refType: string) =>
    error(IssueCode.PORT_TYPE_MISMATCH, `${node(id)}: input "${port}" takes a ${portType}, but "${ref}" is a ${refType}.`, `Connect a ${portType} output to it.`),
  cycle: (cycle: readonly string[]) =>
    error(IssueCode.CYCLE, `The pipeline has a cycle: ${[...cycle, cycle[0] ?? ''].join(' → ')}.`, 'A node cannot read its own output, directly or through others; remove one of these inputs.'),
  layoutUnknownNode: (id: string): IssueText => ({
    code: IssueCode.LAYOUT_UNKNOWN_NODE,
    severity: 'warning',
    message: `The layout has a position for "${id}", which is not a node in this pipeline.`,
    hint: 'It has no effect; remove it, or fix the node id it was meant for.',
  }),
} satisfies Record<string, (...args: never[]) => IssueText>;

/** `pipeline.yaml:12:5: error [BAD_PARAM] message\n  hint` — one issue as a line for a terminal. */
export function formatIssue(issue: PipelineIssue): string {
  const where = [issue.file, issue.line, issue.line !== undefined ? issue.column : undefined].filter((p) => p !== undefined).join(':');
  const head = `${where ? `${where}: ` : ''}${issue.severity} [${issue.code}] ${issue.message}`;
  return issue.hint ? `${head}\n  ${issue.hint}` : head;
}
