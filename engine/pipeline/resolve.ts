/**
 * Validation and resolution: a PipelineDocument + the node catalogue → a ResolvedPipeline ready to
 * plan and run, or every issue found (not just the first), each naming the node and, when the
 * document came from YAML, the line and column. Pure: no I/O, so the canvas calls it too.
 */
import type { Catalogue } from '../../nodes/catalogue.js';
import type { NodeDefinition } from '../../nodes/node-definition.js';
import { NODE_ID_PATTERN, noPositions, parseInputRef, type PipelineDocument, type PipelineIssue, type PipelineNode, type ResolvedInput, type ResolvedNode, type ResolvedPipeline, type SourcePositions } from './document.js';
import { documentEdges, findCycles, topologicalOrder } from './graph.js';
import { closest, issues, placeIssue, type IssueText } from './issue-codes.js';
import { formatParamPath, paramIssues } from './param-issues.js';
import { inputPort, outputsOf, parseParams, type ParsedParams } from './ports.js';
import { declaredKeys } from './schema-keys.js';

export { canConnect, type ConnectResult } from './can-connect.js';

export interface ResolveOptions {
  /** Where things are in the YAML text, when the document was loaded from one. */
  positions?: SourcePositions;
  /** Directory that relative paths in params resolve against (the YAML file's directory). */
  baseDir: string;
  file?: string;
}

export interface ResolveResult {
  /** Present only when there is no error (warnings may remain). */
  pipeline?: ResolvedPipeline;
  issues: PipelineIssue[];
}

interface NodeState {
  node: PipelineNode;
  index: number;
  definition?: NodeDefinition;
  params?: ParsedParams;
  inputs: Record<string, ResolvedInput>;
}

class Resolver {
  readonly issues: PipelineIssue[] = [];
  readonly states: NodeState[];
  /** First node with each id (a duplicate id is reported, and the first one wins). */
  readonly byId = new Map<string, NodeState>();

  constructor(
    readonly document: PipelineDocument,
    readonly catalogue: Catalogue,
    readonly positions: SourcePositions,
    readonly file: string | undefined,
  ) {
    this.states = document.nodes.map((node, index) => ({ node, index, inputs: {} }));
  }

  report(text: IssueText, position: ReturnType<SourcePositions['at']>, nodeId?: string, extra: { port?: string; param?: string } = {}): void {
    this.issues.push(placeIssue(text, { nodeId, ...extra, file: this.file, position }));
  }

  checkIds(): void {
    for (const state of this.states) {
      const { id } = state.node;
      if (!NODE_ID_PATTERN.test(id)) this.report(issues.badNodeId(id), this.positions.at(['nodes', state.index, 'id']), id);
      const first = this.byId.get(id);
      if (first) this.report(issues.duplicateId(id, this.positions.node(first.index)?.line), this.positions.at(['nodes', state.index, 'id']), id);
      else this.byId.set(id, state);
    }
  }

  checkTypeAndParams(state: NodeState): void {
    const { id, type, params } = state.node;
    const definition = this.catalogue.get(type);
    if (!definition) {
      // `drop_nulls`, `Drop Nulls` and `drop-nulls` all match the alias "drop nulls".
      const words = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, ' ').trim();
      const byAlias = this.catalogue.all().find((d) => d.aliases?.some((a) => words(a) === words(type)));
      const suggestion = byAlias?.type ?? closest(type, this.catalogue.types());
      this.report(issues.unknownNodeType(id, type, suggestion), this.positions.at(['nodes', state.index, 'type']), id);
      return;
    }
    state.definition = definition;
    const parsed = parseParams(definition, params);
    state.params = parsed;
    if (parsed.ok) return;
    if (!parsed.error) {
      this.report(issues.badParam(id, '', parsed.message), this.positions.nodeKey(state.index, 'params'), id);
      return;
    }
    for (const found of paramIssues(id, params, parsed.error, (path) => declaredKeys(definition.params, path))) {
      const param = found.path.length > 0 ? formatParamPath(found.path) : undefined;
      this.report(found.text, this.positions.param(state.index, found.path, found.at), id, param === undefined ? {} : { param });
    }
  }

  checkInputs(state: NodeState): void {
    const { node, definition, index } = state;
    if (!definition) return;
    for (const [port, ref] of Object.entries(node.inputs)) {
      const spec = inputPort(definition, port);
      if (!spec) {
        const ports = definition.inputs.map((p) => p.name);
        this.report(issues.unknownInputPort(node.id, node.type, port, ports, definition.variadicInputs === true), this.positions.input(index, port, 'key'), node.id, { port });
        continue;
      }
      const where = this.positions.input(index, port, 'value');
      const target = parseInputRef(ref);
      const source = this.byId.get(target.node);
      if (!source) {
        const suggestion = closest(target.node, this.byId.keys());
        this.report(issues.danglingInput(node.id, port, ref, target.node, suggestion), where, node.id, { port });
        continue;
      }
      if (!source.definition) continue; // its unknown type is reported already
      const outputs = outputsOf(source.definition, source.params);
      if (!outputs) continue; // its ports depend on params that are invalid: reported already
      const output = outputs.find((o) => o.name === target.port);
      if (!output) {
        const names = outputs.map((o) => o.name);
        this.report(issues.unknownOutputPort(node.id, port, ref, target.node, source.node.type, names), where, node.id, { port });
        continue;
      }
      if (output.type !== spec.type) {
        this.report(issues.portTypeMismatch(node.id, port, spec.type, ref, output.type), where, node.id, { port });
        continue;
      }
      state.inputs[port] = { node: target.node, port: target.port, type: output.type };
    }
    for (const spec of definition.inputs) {
      if (!spec.optional && node.inputs[spec.name] === undefined) {
        this.report(issues.missingInput(node.id, node.type, spec.name), this.positions.nodeKey(index, 'inputs'), node.id, { port: spec.name });
      }
    }
  }

  checkCycles(): void {
    const ids = [...this.byId.keys()];
    for (const cycle of findCycles(ids, documentEdges(this.document))) {
      const [first, last] = [cycle[0] as string, cycle[cycle.length - 1] as string];
      const state = this.byId.get(first) as NodeState;
      const port = Object.keys(state.node.inputs).find((p) => parseInputRef(state.node.inputs[p] as string).node === last);
      const position = port === undefined ? this.positions.node(state.index) : this.positions.input(state.index, port);
      this.report(issues.cycle(cycle), position, first, port === undefined ? {} : { port });
    }
  }

  checkLayout(): void {
    for (const id of Object.keys(this.document.layout ?? {})) {
      if (!this.byId.has(id)) this.report(issues.layoutUnknownNode(id), this.positions.layout(id), id);
    }
  }

  build(baseDir: string): ResolvedPipeline {
    const nodes = new Map<string, ResolvedNode>();
    for (const { node, definition, params, inputs } of this.states) {
      if (!definition || !params?.ok) throw new Error(`internal: node "${node.id}" was not resolved`);
      const resolved: ResolvedNode = { id: node.id, type: node.type, definition, params: params.value, rawParams: node.params, inputs, outputs: outputsOf(definition, params) ?? [] };
      if (node.label !== undefined) resolved.label = node.label;
      nodes.set(node.id, resolved);
    }
    const { order } = topologicalOrder([...nodes.keys()], documentEdges(this.document));
    const pipeline: ResolvedPipeline = { document: this.document, nodes, order, baseDir };
    if (this.file !== undefined) pipeline.file = this.file;
    return pipeline;
  }
}

export function resolvePipeline(document: PipelineDocument, catalogue: Catalogue, options: ResolveOptions): ResolveResult {
  const resolver = new Resolver(document, catalogue, options.positions ?? noPositions, options.file);
  resolver.checkIds();
  for (const state of resolver.states) resolver.checkTypeAndParams(state);
  for (const state of resolver.states) resolver.checkInputs(state);
  resolver.checkCycles();
  resolver.checkLayout();
  // In file order, as a person reads them (stable: same-place issues keep the order they were found in).
  const found = [...resolver.issues].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0));
  if (found.some((i) => i.severity === 'error')) return { issues: found };
  return { pipeline: resolver.build(options.baseDir), issues: found };
}
