/**
 * The pipeline document: plain, serialisable data, exactly what the YAML file holds
 * (DESIGN.md section 2). The canvas holds a view of it; it is not the model.
 */
import type { NodeDefinition, PortSpec, PortType } from '../../nodes/node-definition.js';

export const FORMAT_VERSION = 1;

export interface PipelineNode {
  id: string;
  type: string;
  /** Optional display name on the canvas. */
  label?: string;
  /** Input port → `node` (its `out` port) or `node.port`. */
  inputs: Record<string, string>;
  params: Record<string, unknown>;
}

export interface Position {
  x: number;
  y: number;
}

export interface PipelineDocument {
  millrace: typeof FORMAT_VERSION;
  name: string;
  description?: string;
  nodes: PipelineNode[];
  /** Canvas positions only; never affects what runs. */
  layout?: Record<string, Position>;
}

/** 1-based line and column in the YAML file. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A problem with a pipeline, for people: what, where (node, port, param, line), and what to do. */
export interface PipelineIssue {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  nodeId?: string;
  port?: string;
  /** Dotted path of the param, e.g. `fractions.train`. */
  param?: string;
  file?: string;
  line?: number;
  column?: number;
  hint?: string;
}

/** An input edge after resolution: which node and output port feed this input port. */
export interface ResolvedInput {
  node: string;
  port: string;
  type: PortType;
}

export interface ResolvedNode {
  id: string;
  type: string;
  label?: string;
  definition: NodeDefinition;
  /** Params after the node's zod schema: defaults applied. */
  params: unknown;
  /** Params as written in the document. */
  rawParams: Record<string, unknown>;
  inputs: Record<string, ResolvedInput>;
  outputs: PortSpec[];
}

/** A valid pipeline, ready to plan and run. */
export interface ResolvedPipeline {
  document: PipelineDocument;
  nodes: Map<string, ResolvedNode>;
  /** Node ids in a topological order (inputs before the nodes that read them), stable by document order. */
  order: string[];
  /** Directory that relative paths resolve against (the YAML file's directory). */
  baseDir: string;
  /** The YAML file, when loaded from one. */
  file?: string;
}

/** `node` → `{node, port: 'out'}`, `node.port` → `{node, port}`. */
export function parseInputRef(ref: string): { node: string; port: string } {
  const dot = ref.indexOf('.');
  return dot === -1 ? { node: ref, port: 'out' } : { node: ref.slice(0, dot), port: ref.slice(dot + 1) };
}

export const NODE_ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A node named by its id, or by its index in `nodes` (needed when two nodes share an id). */
export type NodeRef = string | number;

/** A path into the YAML data: map keys and list indexes, e.g. `['nodes', 2, 'params', 'fractions']`. */
export type DataPath = readonly (string | number)[];

/**
 * Where things are in the YAML text a document was loaded from. Each lookup falls back to the
 * closest enclosing thing that exists (a missing param → its parent map's key → `params` → the
 * node), so an issue always points somewhere useful. `at: 'key'` gives the key's position,
 * `'value'` the value's. A document built in memory has no positions: every lookup is undefined.
 */
export interface SourcePositions {
  at(path: DataPath, at?: 'key' | 'value'): SourcePosition | undefined;
  /** A top-level key such as `name` or `layout`. */
  key(key: string): SourcePosition | undefined;
  node(node: NodeRef): SourcePosition | undefined;
  nodeKey(node: NodeRef, key: string): SourcePosition | undefined;
  param(node: NodeRef, path: DataPath, at?: 'key' | 'value'): SourcePosition | undefined;
  input(node: NodeRef, port: string, at?: 'key' | 'value'): SourcePosition | undefined;
  layout(id: string): SourcePosition | undefined;
}

/** Positions for a document that came from no text (built by the canvas, sent over the API). */
export const noPositions: SourcePositions = {
  at: () => undefined,
  key: () => undefined,
  node: () => undefined,
  nodeKey: () => undefined,
  param: () => undefined,
  input: () => undefined,
  layout: () => undefined,
};
