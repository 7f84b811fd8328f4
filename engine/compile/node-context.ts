/**
 * The contexts node executors receive. They are the only way node code reaches DuckDB,
 * files or the logger, so the same node runs unchanged in a run, a preview and a test.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type {
  BaseContext,
  BuildContext,
  CheckContext,
  ColumnInfo,
  JsonRow,
  SinkContext,
  StagedColumn,
} from '../../nodes/node-definition.js';
import { NodeError } from '../../nodes/node-definition.js';
import type { BuildQueryMemo } from '../cache/build-query-memo.js';
import type { Connection } from '../duckdb/database.js';
import { ident, typeName } from '../sql/quote.js';

export interface ContextOptions<P> {
  nodeId: string;
  params: P;
  /** Connected input port → relation SQL (a quoted view or table name). */
  inputs: Record<string, string>;
  connection: Connection;
  /** Directory of the pipeline file: relative paths in params resolve against it. */
  baseDir: string;
  signal: AbortSignal;
  log: (message: string) => void;
  /** Prefix for tables a node stages (e.g. rows read from SQLite). */
  stagingPrefix: string;
  /** Where a build's small queries are answered from when the node's fingerprint (`nodeKey`) was built before. */
  memo?: { nodeKey: string; queries: BuildQueryMemo };
}

export function createBaseContext<P>(options: ContextOptions<P>): BaseContext<P> {
  const { inputs, connection } = options;
  const schemaCache = new Map<string, Promise<ColumnInfo[]>>();
  return {
    nodeId: options.nodeId,
    params: options.params,
    signal: options.signal,
    input(port) {
      const relation = inputs[port];
      if (relation === undefined) throw new NodeError(`Input "${port}" is not connected.`);
      return relation;
    },
    hasInput: (port) => inputs[port] !== undefined,
    connectedInputs: () => Object.keys(inputs),
    columns(port) {
      const relation = inputs[port];
      if (relation === undefined) return Promise.reject(new NodeError(`Input "${port}" is not connected.`));
      let schema = schemaCache.get(port);
      if (!schema) {
        schema = connection.describe(relation);
        schemaCache.set(port, schema);
      }
      return schema;
    },
    async query(sql): Promise<JsonRow[]> {
      return (await connection.query(sql)).rows;
    },
    resolvePath: (p) => path.resolve(options.baseDir, p),
    log: options.log,
  };
}

export function createBuildContext<P>(options: ContextOptions<P>): BuildContext<P> {
  let staged = 0;
  const base = createBaseContext(options);
  const { memo } = options;
  return {
    ...base,
    query: memo ? (sql) => memo.queries.answer(memo.nodeKey, sql, () => base.query(sql)) : base.query,
    async stageTable(columns: StagedColumn[], rows) {
      const table = ident(`${options.stagingPrefix}_stage${staged++}`);
      const columnSql = columns.map((c) => `${ident(c.name)} ${typeName(c.type)}`).join(', ');
      await options.connection.execute(`CREATE OR REPLACE TEMP TABLE ${table} (${columnSql})`);
      await options.connection.appendRows(table.slice(1, -1).replace(/""/g, '"'), rows, columns.map((c) => typeName(c.type)));
      return table;
    },
  };
}

export function createCheckContext<P>(options: ContextOptions<P>, outputs: Record<string, string>): CheckContext<P> {
  return {
    ...createBaseContext(options),
    output(port) {
      const relation = outputs[port];
      if (relation === undefined) throw new NodeError(`This node has no output "${port}".`);
      return relation;
    },
  };
}

export function createSinkContext<P>(options: ContextOptions<P>): SinkContext<P> {
  const { connection, signal } = options;
  return {
    ...createBaseContext(options),
    async writeFileAtomically(target, write) {
      const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.partial`);
      await mkdir(path.dirname(target), { recursive: true });
      await removeLeftovers(target);
      writingNow.add(temporary);
      try {
        await write(temporary);
        if (signal.aborted) throw new NodeError('Cancelled before the file was complete; nothing was written.');
        await rename(temporary, target);
      } finally {
        writingNow.delete(temporary);
        await rm(temporary, { force: true, recursive: true });
      }
    },
    execute: (sql) => connection.execute(sql),
    streamRows: (sql, chunkRows) => connection.stream(sql, chunkRows),
  };
}

/** Partial files this process is writing now (a second run may write the same file at once). */
const writingNow = new Set<string>();

/** A partial file untouched this long was left by a process that died while writing it. */
const ABANDONED_AFTER_MS = 10 * 60 * 1000;

/** Partial files of `target` left by a process killed while writing it (`.name.<8 hex>.partial`). */
async function removeLeftovers(target: string): Promise<void> {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  const names = (await readdir(dir)).filter((f) => f.startsWith(prefix) && /^[0-9a-f]{8}\.partial$/.test(f.slice(prefix.length)));
  for (const name of names) {
    const file = path.join(dir, name);
    if (writingNow.has(file)) continue;
    // Another live process may be writing it: only files nobody has written to for a while go.
    const info = await stat(file).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > ABANDONED_AFTER_MS) await rm(file, { force: true, recursive: true });
  }
}
