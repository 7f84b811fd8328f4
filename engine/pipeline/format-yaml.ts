/**
 * PipelineDocument → canonical YAML text: the same document always gives the same bytes, so a
 * pipeline diffs cleanly in git and load → format → load changes nothing.
 *
 * Canonical means: top-level keys millrace, name, description, nodes, layout; nodes in stable
 * topological order (ties by their current position, so formatting twice changes nothing); node
 * keys id, type, label, inputs, params; input ports and params in the order the node type
 * declares them (keys the user chose, such as derive's columns, keep the user's order); short
 * collections on one line in flow style; multi-line strings as `|` blocks.
 */
import { Document, isCollection, isMap, isPair, isScalar, isSeq, Scalar, type Node as YamlNode } from 'yaml';
import { defaultCatalogue, type Catalogue } from '../../nodes/catalogue.js';
import type { NodeDefinition } from '../../nodes/node-definition.js';
import { parseInputRef, type PipelineDocument, type PipelineNode } from './document.js';
import { topologicalOrder } from './graph.js';
import { declaredKeys, isFreeMap } from './schema-keys.js';
import { applyComments, collectComments, commentedCollections } from './yaml-comments.js';

/** Lines longer than this put collections in block style. */
const MAX_LINE = 100;
const INDENT = 2;

export interface FormatOptions {
  /** Node types, for the declared order of ports and params (default: the built-in catalogue). */
  catalogue?: Catalogue;
  /** The YAML text the document was loaded from: its comments are kept where what they annotate still exists. */
  source?: string;
}

/** Stable topological order of the nodes, by index: a node after every node it reads from. */
export function canonicalNodeOrder(nodes: readonly PipelineNode[]): PipelineNode[] {
  const keys = nodes.map((_, i) => String(i));
  const firstIndex = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (!firstIndex.has(n.id)) firstIndex.set(n.id, i);
  });
  const edges = nodes.flatMap((n, i) =>
    Object.values(n.inputs).flatMap((ref) => {
      const from = firstIndex.get(parseInputRef(ref).node);
      return from === undefined ? [] : [{ from: String(from), to: String(i) }];
    }),
  );
  const { order, blocked } = topologicalOrder(keys, edges);
  return [...order, ...blocked].map((k) => nodes[Number(k)] as PipelineNode);
}

type Plain = Record<string, unknown>;
const isPlainMap = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys of fixed-shape objects in declared order (then the rest); maps with free keys as written. */
function orderParams(value: unknown, definition: NodeDefinition | undefined, path: (string | number)[]): unknown {
  if (Array.isArray(value)) return value.map((item, i) => orderParams(item, definition, [...path, i]));
  if (!isPlainMap(value)) return value;
  const declared = definition && !isFreeMap(definition.params, path) ? declaredKeys(definition.params, path) : [];
  const keys = Object.keys(value);
  const ordered = [...declared.filter((k) => keys.includes(k)), ...keys.filter((k) => !declared.includes(k))];
  const result: Plain = {};
  for (const key of ordered) result[key] = orderParams(value[key], definition, [...path, key]);
  return result;
}

function orderInputs(inputs: Record<string, string>, definition: NodeDefinition | undefined): Record<string, string> {
  const declared = definition?.inputs.map((p) => p.name) ?? [];
  const keys = Object.keys(inputs);
  const result: Record<string, string> = {};
  for (const key of [...declared.filter((k) => keys.includes(k)), ...keys.filter((k) => !declared.includes(k))]) result[key] = inputs[key] as string;
  return result;
}

function canonicalData(document: PipelineDocument, catalogue: Catalogue): Plain {
  const nodes = canonicalNodeOrder(document.nodes);
  const data: Plain = { millrace: document.millrace, name: document.name };
  if (document.description !== undefined) data.description = document.description;
  data.nodes = nodes.map((node) => {
    const definition = catalogue.get(node.type);
    const out: Plain = { id: node.id, type: node.type };
    if (node.label !== undefined) out.label = node.label;
    if (Object.keys(node.inputs).length > 0) out.inputs = orderInputs(node.inputs, definition);
    if (Object.keys(node.params).length > 0) out.params = orderParams(node.params, definition, []);
    return out;
  });
  if (document.layout !== undefined) {
    const ids = nodes.map((n) => n.id);
    const entries = Object.keys(document.layout);
    const layout: Plain = {};
    for (const id of [...ids.filter((id) => entries.includes(id)), ...entries.filter((id) => !ids.includes(id))]) {
      if (id in layout) continue;
      const { x, y } = document.layout[id] as { x: number; y: number };
      layout[id] = { x, y };
    }
    data.layout = layout;
  }
  return data;
}

/** YAML 1.1 readers (PyYAML, older tools) would read these as booleans: quote them for their sake. */
const YAML11_BOOLEAN = /^(yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$/;

/** Multi-line values as `|` blocks (a key cannot be one: yaml quotes it); YAML 1.1 booleans quoted. */
function styleScalar(node: Scalar, isKey = false): void {
  if (typeof node.value !== 'string') return;
  if (node.value.includes('\n')) {
    if (!isKey) node.type = Scalar.BLOCK_LITERAL;
  } else if (YAML11_BOOLEAN.test(node.value)) {
    node.type = Scalar.QUOTE_DOUBLE;
  }
}

function setFlow(node: unknown, flow: boolean): void {
  if (isScalar(node)) styleScalar(node);
  if (!isCollection(node)) return;
  node.flow = flow;
  for (const item of node.items) {
    if (isPair(item)) {
      if (isScalar(item.key)) styleScalar(item.key, true);
      setFlow(item.value, flow);
    } else {
      setFlow(item, flow);
    }
  }
}

const hasMultilineString = (node: unknown): boolean =>
  isScalar(node) ? typeof node.value === 'string' && node.value.includes('\n') : isCollection(node) ? node.items.some((i) => hasMultilineString(isPair(i) ? i.value : i)) : false;

/** Width of a node written on one line in flow style, or Infinity if it cannot be. */
function flowWidth(node: YamlNode): number {
  const copy = node.clone();
  if (isScalar(copy)) styleScalar(copy, true); // a lone scalar here is a key
  else setFlow(copy, true);
  const text = new Document(copy).toString({ lineWidth: 0, flowCollectionPadding: true }).replace(/\n$/, '');
  // A value holding both kinds of quote needs backslash escapes in flow style (`"f(\"a\", 'b')"`);
  // in block style it can be written as it is, which people can read and edit.
  return text.includes('\n') || text.includes('\\"') ? Infinity : text.length;
}

/**
 * Flow style for a collection that fits on its line (whole, with everything inside it), block
 * style otherwise, deciding again for each child. `column` is where the value would start.
 */
function layOut(node: unknown, column: number, indent: number, keepBlock: (n: unknown) => boolean): void {
  if (isScalar(node)) return styleScalar(node);
  if (!isCollection(node)) return;
  if (node.items.length === 0) return setFlow(node, true);
  if (!keepBlock(node) && !hasMultilineString(node) && column + flowWidth(node) <= MAX_LINE) return setFlow(node, true);
  node.flow = false;
  for (const item of node.items) {
    if (isPair(item)) {
      if (isScalar(item.key)) styleScalar(item.key, true);
      const keyWidth = isScalar(item.key) ? flowWidth(item.key) : 0;
      layOut(item.value, indent + keyWidth + 2, indent + INDENT, keepBlock);
    } else {
      layOut(item, indent + 2, indent + 2, keepBlock);
    }
  }
}

export function formatPipeline(document: PipelineDocument, options: FormatOptions = {}): string {
  const data = canonicalData(document, options.catalogue ?? defaultCatalogue);
  const doc = new Document(data);
  const comments = options.source === undefined ? undefined : collectComments(options.source);
  const mustBlock = commentedCollections(comments, doc);
  const keepBlock = (n: unknown) => mustBlock.has(n);
  const root = doc.contents;
  if (isMap(root)) {
    root.flow = false;
    for (const pair of root.items) {
      const key = String(isScalar(pair.key) ? pair.key.value : '');
      if (key === 'nodes' && isSeq(pair.value)) {
        pair.value.flow = pair.value.items.length === 0;
        for (const item of pair.value.items) {
          if (!isMap(item)) continue;
          item.flow = false;
          for (const field of item.items) layOut(field.value, 4 + flowWidth(field.key as YamlNode) + 2, 6, keepBlock);
        }
      } else if (key === 'layout' && isMap(pair.value)) {
        pair.value.flow = pair.value.items.length === 0;
        for (const entry of pair.value.items) setFlow(entry.value, !keepBlock(entry.value));
      } else {
        layOut(pair.value, key.length + 2, INDENT, keepBlock);
      }
    }
  }
  if (comments) applyComments(comments, doc);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true, indentSeq: true });
}
