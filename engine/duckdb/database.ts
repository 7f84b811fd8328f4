/**
 * The engine's only door to DuckDB. Everything else asks this module for connections and
 * gets JSON rows, column lists and row streams back, so DuckDB's API stays in one place.
 */
import { DuckDBConnection, DuckDBInstance, DuckDBTypeId, type DuckDBResult, type Json } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import type { ColumnInfo, JsonRow, JsonValue } from '../../nodes/node-definition.js';
import { literal } from '../sql/quote.js';
import { float32Columns } from './float32-columns.js';
import { normaliseRows } from './json-values.js';

export interface DatabaseOptions {
  /** DuckDB file, or ':memory:'. */
  path: string;
  /** e.g. '4GB'. Default: about half of this machine's memory, so one big query cannot take the machine down. */
  memoryLimit?: string;
  /** Where DuckDB spills when a query needs more than memoryLimit. */
  tempDirectory?: string;
  threads?: number;
}

export function defaultMemoryLimit(): string {
  const halfGiB = Math.max(1, Math.floor(os.totalmem() / 2 / 1024 ** 3));
  return `${halfGiB}GB`;
}

export class QueryError extends Error {
  constructor(message: string, readonly sql: string, readonly interrupted: boolean) {
    super(message);
    this.name = 'QueryError';
  }
}

/** DuckDB's messages start with e.g. "Binder Error: "; keep the message, drop the noise around it. */
export function cleanDuckDBMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text
    .replace(/^Failed to extract statements: /, '')
    .replace(/\n\s*LINE \d+:[\s\S]*$/, '')
    .trim();
}

function isInterrupt(error: unknown): boolean {
  return error instanceof Error && /INTERRUPT/i.test(error.message);
}

export class Database {
  private constructor(private readonly instance: DuckDBInstance, readonly path: string) {}

  static async open(options: DatabaseOptions): Promise<Database> {
    const config: Record<string, string> = {
      memory_limit: options.memoryLimit ?? defaultMemoryLimit(),
      threads: String(options.threads ?? Math.max(1, os.cpus().length)),
    };
    if (options.tempDirectory) {
      mkdirSync(options.tempDirectory, { recursive: true });
      config.temp_directory = options.tempDirectory;
    }
    const instance = await DuckDBInstance.create(options.path, config);
    return new Database(instance, options.path);
  }

  async connect(): Promise<Connection> {
    return new Connection(await this.instance.connect());
  }

  close(): void {
    this.instance.closeSync();
  }
}

export interface QueryProgress {
  percentage: number;
  rowsProcessed: number;
  totalRows: number;
}

export class Connection {
  private interruptedByUs = false;

  constructor(private readonly connection: DuckDBConnection) {}

  /** Refuse anything that is not exactly one statement: a stray `;` in a user expression must not run a second one. */
  private async checkSingleStatement(sql: string): Promise<void> {
    const statements = await this.connection.extractStatements(sql);
    if (statements.count !== 1) {
      throw new QueryError(`Expected one SQL statement but found ${statements.count}. Remove the ';' from the expression.`, sql, false);
    }
  }

  private async guarded<T>(sql: string, action: () => Promise<T>): Promise<T> {
    this.interruptedByUs = false;
    try {
      await this.checkSingleStatement(sql);
      return await action();
    } catch (error) {
      if (error instanceof QueryError) throw error;
      const interrupted = this.interruptedByUs || isInterrupt(error);
      throw new QueryError(interrupted ? 'The query was cancelled.' : cleanDuckDBMessage(error), sql, interrupted);
    }
  }

  /** Run a statement and ignore its rows. */
  async execute(sql: string): Promise<number> {
    return this.guarded(sql, async () => (await this.connection.run(sql)).rowsChanged);
  }

  /** Run a query and read every row as JSON-safe values. */
  async query(sql: string): Promise<{ columns: ColumnInfo[]; rows: JsonRow[] }> {
    return this.guarded(sql, async () => {
      const reader = await this.connection.runAndReadAll(sql);
      const columns = reader.columnNames().map((name, i) => ({ name, type: reader.columnType(i).toString() }));
      const rows = normaliseRows(reader.getRowObjectsJson() as Record<string, JsonValue>[], columns);
      return { columns, rows };
    });
  }

  /** Rows as JSON values, positionally (for names that repeat, e.g. after a join). */
  async queryRows(sql: string): Promise<{ columns: ColumnInfo[]; rows: JsonValue[][] }> {
    return this.guarded(sql, async () => {
      const reader = await this.connection.runAndReadAll(sql);
      const columns = reader.columnNames().map((name, i) => ({ name, type: reader.columnType(i).toString() }));
      const raw = reader.getRowsJson() as Json[][] as JsonValue[][];
      const objects = raw.map((r) => Object.fromEntries(r.map((v, i) => [String(i), v])) as Record<string, JsonValue>);
      normaliseRows(objects, columns.map((c, i) => ({ name: String(i), type: c.type })));
      return { columns, rows: objects.map((o) => columns.map((_, i) => o[String(i)] ?? null)) };
    });
  }

  /** Column names and types of a relation, without reading data. */
  async describe(relationSql: string): Promise<ColumnInfo[]> {
    const sql = `SELECT * FROM ${relationSql} LIMIT 0`;
    return this.guarded(sql, async () => {
      const result = await this.connection.run(sql);
      return result.columnNames().map((name, i) => ({ name, type: result.columnType(i).toString() }));
    });
  }

  /** Stream a query's rows in chunks of JS values (bigints, Dates, ...) for writers. */
  async *stream(sql: string, chunkRows = 2048): AsyncIterable<{ columns: ColumnInfo[]; rows: unknown[][] }> {
    const result: DuckDBResult = await this.guarded(sql, () => this.connection.stream(sql));
    const columns = result.columnNames().map((name, i) => ({ name, type: result.columnType(i).toString() }));
    let batch: unknown[][] = [];
    try {
      for await (const rows of result.yieldRowsJs()) {
        batch.push(...(rows as unknown[][]));
        if (batch.length >= chunkRows) {
          yield { columns, rows: batch };
          batch = [];
        }
      }
    } catch (error) {
      throw new QueryError(cleanDuckDBMessage(error), sql, isInterrupt(error));
    }
    if (this.interruptedByUs) throw new QueryError('The query was cancelled.', sql, true);
    if (batch.length > 0 || columns.length > 0) yield { columns, rows: batch };
  }

  /**
   * Stream a query whose columns are all FLOAT as column-major Float32Array chunks (NULL → NaN),
   * for the `.npy` files training workers memory-map. Avoids converting every value to a JS object.
   */
  async *streamFloat32(sql: string): AsyncIterable<Float32Array[]> {
    const result: DuckDBResult = await this.guarded(sql, () => this.connection.stream(sql));
    // The chunks are read as raw float32 memory: any other column type would be read as garbage.
    for (let c = 0; c < result.columnCount; c++) {
      if (result.columnTypeId(c) !== DuckDBTypeId.FLOAT) {
        throw new QueryError(`Internal error: column ${c + 1} of a float export is ${result.columnType(c).toString()}, not FLOAT.`, sql, false);
      }
    }
    try {
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        const columns = float32Columns(chunk);
        yield columns;
      }
    } catch (error) {
      throw new QueryError(cleanDuckDBMessage(error), sql, isInterrupt(error));
    }
    if (this.interruptedByUs) throw new QueryError('The query was cancelled.', sql, true);
  }

  /** Stop the statement running on this connection (returns at once; the query rejects shortly after). */
  interrupt(): void {
    this.interruptedByUs = true;
    this.connection.interrupt();
  }

  async enableProgress(): Promise<void> {
    await this.connection.run('SET enable_progress_bar = true');
    await this.connection.run('SET enable_progress_bar_print = false');
  }

  progress(): QueryProgress {
    const p = this.connection.progress;
    return { percentage: p.percentage, rowsProcessed: Number(p.rows_processed), totalRows: Number(p.total_rows_to_process) };
  }

  async appendRows(table: string, rows: AsyncIterable<unknown[]> | Iterable<unknown[]>, types: string[]): Promise<number> {
    const appender = await this.connection.createAppender(table);
    let count = 0;
    try {
      for await (const row of rows) {
        row.forEach((value, i) => appendValue(appender, value, types[i] ?? 'VARCHAR'));
        appender.endRow();
        count++;
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    return count;
  }

  close(): void {
    this.connection.closeSync();
  }
}

type Appender = Awaited<ReturnType<DuckDBConnection['createAppender']>>;

/** Append a JS value to a column of a staged table; the staged tables use only these few types. */
function appendValue(appender: Appender, value: unknown, type: string): void {
  if (value === null || value === undefined) {
    appender.appendNull();
    return;
  }
  switch (type) {
    case 'BIGINT':
      appender.appendBigInt(typeof value === 'bigint' ? value : BigInt(Math.trunc(Number(value))));
      return;
    case 'DOUBLE':
      appender.appendDouble(Number(value));
      return;
    case 'BLOB':
      appender.appendBlob(value instanceof Uint8Array ? value : new TextEncoder().encode(String(value)));
      return;
    case 'BOOLEAN':
      appender.appendBoolean(Boolean(value));
      return;
    default:
      appender.appendVarchar(typeof value === 'string' ? value : String(value));
  }
}

/** `SET x = 'y'` for settings whose value comes from configuration. */
export function settingSql(name: 'memory_limit' | 'threads' | 'temp_directory', value: string | number): string {
  return `SET ${name} = ${literal(value)}`;
}
