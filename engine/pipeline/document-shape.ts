/**
 * Shape checks: plain data (from YAML, or JSON over the API) → a PipelineDocument, with an issue
 * for every key that is unknown, missing or of the wrong kind. What the values mean (node types,
 * params, inputs) is resolve.ts's job.
 */
import { FORMAT_VERSION, noPositions, type DataPath, type PipelineDocument, type PipelineIssue, type PipelineNode, type Position, type SourcePositions } from './document.js';
import { IssueCode, issues, placeIssue, type IssueText } from './issue-codes.js';

const TOP_KEYS = ['millrace', 'name', 'description', 'nodes', 'layout'];
const NODE_KEYS = ['id', 'type', 'label', 'inputs', 'params'];
const POSITION_KEYS = ['x', 'y'];

export interface ShapeResult {
  /**
   * Present when the data has the shape of a pipeline. It may come with UNKNOWN_KEY errors
   * (those keys are left out of it) so that resolve can report the remaining problems too;
   * a document with any error issue must not run.
   */
  document?: PipelineDocument;
  issues: PipelineIssue[];
}

type Map = Record<string, unknown>;
const isMap = (v: unknown): v is Map => typeof v === 'object' && v !== null && !Array.isArray(v);

class ShapeReader {
  readonly issues: PipelineIssue[] = [];

  constructor(
    private readonly positions: SourcePositions,
    private readonly file: string | undefined,
  ) {}

  report(text: IssueText, path: DataPath, at: 'key' | 'value', nodeId?: string): void {
    this.issues.push(placeIssue(text, { nodeId, file: this.file, position: this.positions.at(path, at) }));
  }

  unknownKeys(map: Map, allowed: readonly string[], path: DataPath, where: string, nodeId?: string): void {
    for (const key of Object.keys(map)) {
      if (!allowed.includes(key)) this.report(issues.unknownKey(key, where, allowed), [...path, key], 'key', nodeId);
    }
  }

  /** A string value, or undefined after reporting why not. */
  string(map: Map, key: string, path: DataPath, where: string, required: boolean, nodeId?: string): string | undefined {
    const value = map[key];
    if (value === undefined || (value === null && !required)) {
      if (required) this.report(issues.missingKey(key, where), path, 'value', nodeId);
      return undefined;
    }
    if (typeof value !== 'string') {
      this.report(issues.badValue(`"${key}" ${where}`, 'text', value), [...path, key], 'value', nodeId);
      return undefined;
    }
    return value;
  }

  /** An optional map value (absent or empty → `{}`), or undefined after reporting. */
  map(map: Map, key: string, path: DataPath, where: string, nodeId?: string): Map | undefined {
    const value = map[key];
    if (value === undefined || value === null) return {};
    if (!isMap(value)) {
      this.report(issues.badValue(`"${key}" ${where}`, 'a map', value), [...path, key], 'value', nodeId);
      return undefined;
    }
    return value;
  }

  node(value: unknown, index: number): PipelineNode | undefined {
    const path = ['nodes', index];
    if (!isMap(value)) {
      this.report(issues.badValue(`Item ${index + 1} of "nodes"`, 'a map with `id` and `type`', value), path, 'value');
      return undefined;
    }
    const rawId = typeof value.id === 'string' ? value.id : undefined;
    const where = rawId === undefined ? `in item ${index + 1} of "nodes"` : `in node "${rawId}"`;
    this.unknownKeys(value, NODE_KEYS, path, where, rawId);
    const id = this.string(value, 'id', path, where, true);
    const type = this.string(value, 'type', path, where, true, rawId);
    const label = this.string(value, 'label', path, where, false, rawId);
    const inputs = this.map(value, 'inputs', path, where, rawId);
    const params = this.map(value, 'params', path, where, rawId);
    if (inputs) {
      for (const [port, ref] of Object.entries(inputs)) {
        if (typeof ref !== 'string') {
          this.report(issues.badValue(`Input "${port}" of node "${rawId ?? index + 1}"`, 'a node id or `node.port`', ref), [...path, 'inputs', port], 'value', rawId);
        }
      }
    }
    if (id === undefined || type === undefined || !inputs || !params) return undefined;
    const node: PipelineNode = { id, type, inputs: inputs as Record<string, string>, params };
    if (label !== undefined) node.label = label;
    return node;
  }

  layout(value: unknown): Record<string, Position> | undefined {
    if (!isMap(value)) {
      this.report(issues.badValue('"layout"', 'a map of node id → { x, y }', value), ['layout'], 'value');
      return undefined;
    }
    const layout: Record<string, Position> = {};
    for (const [id, entry] of Object.entries(value)) {
      const path = ['layout', id];
      if (!isMap(entry)) {
        this.report(issues.badValue(`The layout of "${id}"`, '{ x: <number>, y: <number> }', entry), path, 'value', id);
        continue;
      }
      this.unknownKeys(entry, POSITION_KEYS, path, `in the layout of "${id}"`, id);
      const { x, y } = entry;
      for (const [axis, n] of [['x', x], ['y', y]] as const) {
        if (n === undefined) this.report(issues.missingKey(axis, `in the layout of "${id}"`), path, 'key', id);
        else if (typeof n !== 'number' || !Number.isFinite(n)) this.report(issues.badValue(`"${axis}" in the layout of "${id}"`, 'a number', n), [...path, axis], 'value', id);
      }
      if (typeof x === 'number' && typeof y === 'number') layout[id] = { x, y };
    }
    return layout;
  }
}

export function readDocumentShape(data: unknown, options: { positions?: SourcePositions; file?: string } = {}): ShapeResult {
  const reader = new ShapeReader(options.positions ?? noPositions, options.file);
  const result = (document?: PipelineDocument): ShapeResult => {
    const blocking = reader.issues.some((i) => i.severity === 'error' && i.code !== IssueCode.UNKNOWN_KEY);
    return blocking || !document ? { issues: reader.issues } : { document, issues: reader.issues };
  };
  if (data === null || data === undefined) {
    reader.report(issues.emptyFile(), [], 'value');
    return result();
  }
  if (!isMap(data)) {
    reader.report(issues.badValue('A pipeline file', 'a map starting with `millrace: 1`', data), [], 'value');
    return result();
  }
  reader.unknownKeys(data, TOP_KEYS, [], 'at the top level');
  if (data.millrace === undefined) {
    reader.report(issues.missingKey('millrace', 'at the top level', `Add \`millrace: ${FORMAT_VERSION}\` as the first line.`), [], 'value');
  } else if (data.millrace !== FORMAT_VERSION) {
    reader.report(issues.badFormatVersion(data.millrace, FORMAT_VERSION), ['millrace'], 'value');
  }
  const name = reader.string(data, 'name', [], 'at the top level', true);
  const description = reader.string(data, 'description', [], 'at the top level', false);
  const nodes: PipelineNode[] = [];
  if (data.nodes === undefined) {
    reader.report(issues.missingKey('nodes', 'at the top level', 'List the nodes under `nodes:` (it may be empty: `nodes: []`).'), [], 'value');
  } else if (!Array.isArray(data.nodes)) {
    reader.report(issues.badValue('"nodes"', 'a list', data.nodes), ['nodes'], 'value');
  } else {
    data.nodes.forEach((value: unknown, index) => {
      const node = reader.node(value, index);
      if (node) nodes.push(node);
    });
  }
  const layout = data.layout === undefined || data.layout === null ? undefined : reader.layout(data.layout);
  if (name === undefined) return result();
  const document: PipelineDocument = { millrace: FORMAT_VERSION, name, nodes };
  if (description !== undefined) document.description = description;
  if (layout !== undefined) document.layout = layout;
  return result(document);
}
