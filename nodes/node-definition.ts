/**
 * What a node type is: pure data (name, ports, a zod param schema with UI hints) plus
 * one function that executes it. The palette, the inspector form, YAML validation and the
 * README reference are all derived from these declarations.
 *
 * All I/O goes through the context the engine passes in: node code opens no files,
 * databases or processes by itself.
 */
import type { z } from 'zod';

export type PortType = 'table' | 'model';

export interface PortSpec {
  name: string;
  type: PortType;
  label?: string;
  description?: string;
  /** An optional input may be left unconnected (e.g. `fit` on scale). */
  optional?: boolean;
}

export type NodeCategory = 'source' | 'transform' | 'quality' | 'ml' | 'sink';

export interface ColumnInfo {
  name: string;
  /** DuckDB type as DuckDB prints it: BIGINT, DOUBLE, VARCHAR, TIMESTAMP, DECIMAL(10,2), ... */
  type: string;
}

/** A JSON-safe value as rows come back from the engine (bigints beyond 2^53 become strings). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonRow = Record<string, JsonValue>;

/** A mistake the user can fix (bad column name, unsupported option): shown as-is, with the node id. */
export class NodeError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = 'NodeError';
  }
}

/** What every node executor can reach. */
export interface BaseContext<P> {
  readonly nodeId: string;
  /** Params parsed by the node's zod schema: defaults applied. */
  readonly params: P;
  /** Aborted when the user cancels; long loops should check it. */
  readonly signal: AbortSignal;
  /** The SQL relation (a quoted view or table name) behind a connected input port. Throws if unconnected. */
  input(port: string): string;
  hasInput(port: string): boolean;
  /** Names of the connected input ports (the `sql` node takes any number). */
  connectedInputs(): string[];
  /** Column names and DuckDB types of a connected input. */
  columns(port: string): Promise<ColumnInfo[]>;
  /** Run a small read query (e.g. the categories for one_hot) and get JSON rows back. */
  query(sql: string): Promise<JsonRow[]>;
  /** Resolve a path written in the pipeline file (relative to that file) to an absolute path. */
  resolvePath(path: string): string;
  log(message: string): void;
}

export interface StagedColumn {
  name: string;
  /** DuckDB type of the staged column. */
  type: string;
}

export interface BuildContext<P> extends BaseContext<P> {
  /**
   * For sources DuckDB cannot read by itself (e.g. SQLite without the sqlite extension):
   * load rows into a table the engine owns and get its relation name back.
   */
  stageTable(columns: StagedColumn[], rows: AsyncIterable<unknown[]> | Iterable<unknown[]>): Promise<string>;
}

/** Output port name → one DuckDB SELECT statement (no trailing semicolon). */
export type BuiltRelations = Record<string, string>;

export interface CheckResult {
  /** What was checked, e.g. `not_null`, `between`, `row_count`, `type`, `psi`. */
  check: string;
  column?: string;
  passed: boolean;
  /** Plain words: `3 rows are NULL`, `expected DOUBLE, found VARCHAR`. */
  detail: string;
  failingRows?: number;
  /** A few offending values, for the error message and the UI. */
  examples?: JsonValue[];
  /** The statistic the check computed, if any (drift value, row count). */
  value?: number;
}

export interface QualityReport {
  onFail: 'error' | 'warn';
  results: CheckResult[];
}

export interface CheckContext<P> extends BaseContext<P> {
  /** The materialised output of this node (same port names as `build` returned). */
  output(port: string): string;
}

export interface SinkContext<P> extends BaseContext<P> {
  /**
   * Write a file so that it appears whole or not at all: `write` gets a temporary path next to
   * the destination; it is renamed into place only when `write` resolves and nothing was cancelled.
   */
  writeFileAtomically(path: string, write: (temporaryPath: string) => Promise<void>): Promise<void>;
  /** Run a statement that produces no rows (COPY ... TO ...); returns the rows it changed or wrote. */
  execute(sql: string): Promise<number>;
  /** Stream the rows of a query in chunks (for writers DuckDB has no extension for). */
  streamRows(sql: string, chunkRows?: number): AsyncIterable<{ columns: ColumnInfo[]; rows: unknown[][] }>;
}

export interface SinkResult {
  rows: number;
  /** Absolute paths written, so the engine can tell later whether they are still as written. */
  files: string[];
}

interface NodeDefinitionBase<S extends z.ZodType> {
  /** The name used in YAML (`type: filter`): part of the file format. */
  type: string;
  /** Bump on a breaking change, with a migration (see nodes/migrations). */
  version: number;
  category: NodeCategory;
  label: string;
  description: string;
  /** Extra words the palette search matches (e.g. `where` for filter). */
  aliases?: string[];
  inputs: PortSpec[];
  outputs: PortSpec[];
  /** A node whose output ports depend on its params (split: one per fraction). */
  outputsFor?: (params: z.output<S>) => PortSpec[];
  /** A node that takes any number of named table inputs (sql). `inputs` then lists none. */
  variadicInputs?: boolean;
  params: S;
  /**
   * Files the output depends on (sources): their path, size and modification time are part of
   * the node's fingerprint, so editing the file invalidates the cache. Globs are expanded.
   */
  sourceFiles?: (params: z.output<S>, resolvePath: (p: string) => string) => string[] | Promise<string[]>;
  /** A short YAML example for the docs (params only). */
  example?: Record<string, unknown>;
}

/** A node whose outputs are DuckDB relations (sources, transforms, data-quality nodes). */
export interface TableNodeDefinition<S extends z.ZodType = z.ZodType> extends NodeDefinitionBase<S> {
  kind: 'table';
  build(ctx: BuildContext<z.output<S>>): Promise<BuiltRelations> | BuiltRelations;
  /**
   * The node reads its input more than once: statistics or categories fitted on it, then applied
   * to its rows (scale, fill_missing, one_hot, label_encode). A run computes such an input once into
   * a temporary table instead of folding it in as a view, which would compute it once per read.
   */
  readsInputTwice?: boolean;
  /**
   * Costly to compute again compared with reading a stored copy: it sorts, groups, joins or
   * windows all its rows, or parses text files. A step that reads its input twice has such an
   * input (or a chain containing one) stored once; a cheap row-by-row chain is simply read twice.
   */
  costly?: boolean;
  /** Data-quality checks run on the materialised output during a run; results go to the run store. */
  check?(ctx: CheckContext<z.output<S>>): Promise<QualityReport>;
}

/** A node that writes its input somewhere (files, databases). */
export interface SinkNodeDefinition<S extends z.ZodType = z.ZodType> extends NodeDefinitionBase<S> {
  kind: 'sink';
  /** Paths this sink will write, so a re-run can skip it when they are unchanged. */
  targets(params: z.output<S>, resolvePath: (p: string) => string): string[];
  write(ctx: SinkContext<z.output<S>>): Promise<SinkResult>;
}

/** What a worker node's feature export needs to know: which columns go in, which is the target. */
export interface DatasetSpec {
  features: string[];
  target?: string;
  /** Classification: the labels, in the order their indices are written. */
  classes?: (string | number | boolean)[];
}

/** Training progress a worker reports once per epoch. */
export interface TrainingProgress {
  epoch: number;
  epochs: number;
  loss: number;
  valLoss: number | null;
  valMetric: { name: string; value: number } | null;
  samplesPerSecond: number;
  device: string;
}

export interface WorkerJobResult {
  metrics: Record<string, number | null>;
  artifacts: Record<string, string>;
  device: string;
  history: { epoch: number; loss: number; val_loss: number | null; val_metric: { name: string; value: number } | null }[];
}

export interface WorkerContext<P> extends BuildContext<P> {
  /** The artifact folder of a connected model input (what a `train` node wrote). */
  modelInput(port: string): string;
  /** The folder this node's model output must be written into (empty; kept only if the node succeeds). */
  modelOutputDir(port: string): string;
  /** A fresh scratch folder for this node's job files, removed when the node ends. */
  jobDir(): Promise<string>;
  /** Write a relation's feature (and target) columns as float32 `.npy` files into a job folder. */
  exportDataset(jobDir: string, datasets: Record<string, string>, spec: DatasetSpec & { task: 'classification' | 'regression' | null }): Promise<{ rows: Record<string, number> }>;
  /** Run a job in a worker process (PyTorch when available, else the built-in one). Progress goes to the run's events. */
  runWorker(job: { task: 'train' | 'predict' | 'export'; jobDir: string; outputDir: string; params: Record<string, unknown>; worker?: 'auto' | 'torch' | 'builtin' }): Promise<WorkerJobResult>;
  /** model.json of a connected model input: what it was trained on and how. */
  modelInfo(port: string): Promise<TrainedModelInfo>;
  /** As for sinks: the file appears whole or not at all. */
  writeFileAtomically(path: string, write: (temporaryPath: string) => Promise<void>): Promise<void>;
  /** Compute a SELECT once into a temporary table (e.g. numbered rows to join predictions back to). */
  materialise(selectSql: string): Promise<string>;
  /** Load float32 `.npy` arrays a worker wrote (predictions) as a staged table with the given column names. */
  stageNpy(files: { path: string; columns: string[] }[]): Promise<string>;
  /** Record a trained model in the run store's model registry. */
  registerModel(model: { artifactDir: string; params: unknown; metrics: Record<string, number | null>; device: string }): void;
}

export interface TrainedModelInfo {
  worker: 'torch' | 'builtin';
  task: 'classification' | 'regression';
  model: string;
  features: string[];
  target: string | null;
  classes: (string | number | boolean)[] | null;
  metrics: Record<string, number | null>;
  device: string;
}

export interface WorkerNodeResult {
  /** Table outputs: port → SELECT (often over staged tables). */
  tables: BuiltRelations;
}

/** A node that runs in a child-process worker (training, prediction). Model outputs are artifact folders. */
export interface WorkerNodeDefinition<S extends z.ZodType = z.ZodType> extends NodeDefinitionBase<S> {
  kind: 'worker';
  execute(ctx: WorkerContext<z.output<S>>): Promise<WorkerNodeResult>;
  /** For nodes that write files (save_model): re-run only when these change or the node does. */
  targets?(params: z.output<S>, resolvePath: (p: string) => string): string[];
}

export type NodeDefinition = TableNodeDefinition | SinkNodeDefinition | WorkerNodeDefinition;

export function defineWorkerNode<S extends z.ZodType>(def: WorkerNodeDefinition<S>): WorkerNodeDefinition<S> {
  return def;
}

/** Identity helper that keeps the param type flowing from the schema into build/write. */
export function defineTableNode<S extends z.ZodType>(def: TableNodeDefinition<S>): TableNodeDefinition<S> {
  return def;
}

export function defineSinkNode<S extends z.ZodType>(def: SinkNodeDefinition<S>): SinkNodeDefinition<S> {
  return def;
}

/** The output ports of a node given its params (most nodes: the static list). */
export function outputPorts(def: NodeDefinition, params: unknown): PortSpec[] {
  return def.outputsFor ? def.outputsFor(params as never) : def.outputs;
}
