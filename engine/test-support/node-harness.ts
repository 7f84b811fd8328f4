/**
 * Run one node type against a real in-memory DuckDB, the way the engine does, without a
 * pipeline file. Used by every node's tests.
 *
 *   const h = await NodeHarness.open();
 *   await h.table('penguins', `SELECT * FROM (VALUES (1, 'a')) t("Beak Length (mm)", species)`);
 *   const { out } = await h.run('filter', { condition: '"Beak Length (mm)" > 0' }, { in: 'penguins' });
 *   out.rows  // JSON rows
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import { defaultCatalogue } from '../../nodes/catalogue.js';
import type { ColumnInfo, JsonRow, NodeDefinition, QualityReport, SinkResult } from '../../nodes/node-definition.js';
import { createBuildContext, createCheckContext, createSinkContext, type ContextOptions } from '../compile/node-context.js';
import { Database, type Connection } from '../duckdb/database.js';
import { ident } from '../sql/quote.js';

export interface TableResult {
  columns: ColumnInfo[];
  rows: JsonRow[];
}

export class NodeHarness {
  private counter = 0;
  readonly logs: string[] = [];

  private constructor(readonly db: Database, readonly connection: Connection, readonly dir: string) {}

  static async open(): Promise<NodeHarness> {
    const db = await Database.open({ path: ':memory:', memoryLimit: '1GB', threads: 2 });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'millrace-node-'));
    return new NodeHarness(db, await db.connect(), dir);
  }

  /** Create a table from a SELECT; returns its quoted name for use as an input. */
  async table(name: string, selectSql: string): Promise<string> {
    await this.connection.execute(`CREATE OR REPLACE TABLE ${ident(name)} AS ${selectSql}`);
    return name;
  }

  async rows(sql: string): Promise<TableResult> {
    return this.connection.query(sql);
  }

  private definition(type: string): NodeDefinition {
    const def = defaultCatalogue.get(type);
    if (!def) throw new Error(`unknown node type ${type}`);
    return def;
  }

  /** Parse params with the node's schema: throws the zod error when they are invalid. */
  parseParams(type: string, params: unknown): unknown {
    return (this.definition(type).params as z.ZodType).parse(params);
  }

  private options(type: string, params: unknown, inputs: Record<string, string>, signal?: AbortSignal): ContextOptions<unknown> {
    const id = `${type}_${this.counter++}`;
    return {
      nodeId: id,
      params: this.parseParams(type, params),
      inputs: Object.fromEntries(Object.entries(inputs).map(([port, table]) => [port, ident(table)])),
      connection: this.connection,
      baseDir: this.dir,
      signal: signal ?? new AbortController().signal,
      log: (m) => this.logs.push(m),
      stagingPrefix: id,
    };
  }

  /** Build a table node and return its outputs' SQL, unread (what a later read of the node would run). */
  async build(type: string, params: unknown, inputs: Record<string, string> = {}): Promise<Record<string, string>> {
    const def = this.definition(type);
    if (def.kind !== 'table') throw new Error(`${type} is not a table node`);
    return def.build(createBuildContext(this.options(type, params, inputs)) as never);
  }

  /** Build a table node, read every output, and run its checks if it has any. */
  async run(
    type: string,
    params: unknown,
    inputs: Record<string, string> = {},
  ): Promise<Record<string, TableResult> & { report?: QualityReport }> {
    const def = this.definition(type);
    if (def.kind !== 'table') throw new Error(`${type} is not a table node`);
    const options = this.options(type, params, inputs);
    const built = await def.build(createBuildContext(options) as never);
    const results: Record<string, TableResult> = {};
    const materialised: Record<string, string> = {};
    for (const [port, sql] of Object.entries(built)) {
      const table = `${options.nodeId}_${port}`;
      await this.connection.execute(`CREATE TABLE ${ident(table)} AS ${sql}`);
      materialised[port] = ident(table);
      results[port] = await this.connection.query(`SELECT * FROM ${ident(table)}`);
    }
    if (def.check) {
      const report = await def.check(createCheckContext(options, materialised) as never);
      return Object.assign(results, { report });
    }
    return results;
  }

  /** Run a sink node. */
  async write(type: string, params: unknown, inputs: Record<string, string>, signal?: AbortSignal): Promise<SinkResult> {
    const def = this.definition(type);
    if (def.kind !== 'sink') throw new Error(`${type} is not a sink node`);
    return def.write(createSinkContext(this.options(type, params, inputs, signal)) as never);
  }

  close(): void {
    this.connection.close();
    this.db.close();
  }
}
