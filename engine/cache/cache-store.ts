/**
 * The persistent cache: each node output is a table `t_<key>` in the project's DuckDB cache file,
 * with a metadata row saying what it is and when it was last used. An output is written in one
 * transaction with its metadata row, so a cancelled or failed node leaves nothing half-made.
 */
import type { JsonValue, QualityReport } from '../../nodes/node-definition.js';
import { BuildQueryMemo } from './build-query-memo.js';
import type { Connection } from '../duckdb/database.js';
import { ident, literal } from '../sql/quote.js';
import type { FileIdentity, FingerprintParts } from './fingerprint.js';

export interface CacheEntry {
  key: string;
  rows: number;
  columns: number;
}

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS _millrace_entries (
     key VARCHAR PRIMARY KEY, node_id VARCHAR, node_type VARCHAR, rows BIGINT, columns INTEGER,
     created_at TIMESTAMP, last_used_at TIMESTAMP)`,
  // Why a node re-ran: the parts of its last fingerprint, per pipeline file and node id.
  `CREATE TABLE IF NOT EXISTS _millrace_node_parts (
     pipeline VARCHAR, node_id VARCHAR, parts JSON, PRIMARY KEY (pipeline, node_id))`,
  // What a sink wrote, so an unchanged sink with untouched files is skipped.
  `CREATE TABLE IF NOT EXISTS _millrace_sinks (key VARCHAR PRIMARY KEY, files JSON, rows BIGINT)`,
  // Data-quality reports of quality nodes, replayed when the node is served from the cache.
  `CREATE TABLE IF NOT EXISTS _millrace_reports (key VARCHAR PRIMARY KEY, report JSON)`,
  `CREATE TABLE IF NOT EXISTS _millrace_profiles (key VARCHAR, sample_rows BIGINT, profile JSON, PRIMARY KEY (key, sample_rows))`,
  // Outputs computed inside their consumer's query and not kept (engine/execute/fusion-plan.ts):
  // one computed again unchanged is evidently being iterated on, so it is kept the next time.
  `CREATE TABLE IF NOT EXISTS _millrace_fused (key VARCHAR PRIMARY KEY, node_id VARCHAR, last_seen_at TIMESTAMP)`,
];

/** How many fused-output keys are remembered; older ones are forgotten (they only tune what is kept). */
const FUSED_MEMORY = 5000;

export function cacheTable(key: string): string {
  return ident(`t_${key}`);
}

/** The in-memory database attached beside the cache file (engine.ts), for outputs kept only in this process. */
export const MEMORY_TIER = 'millrace_memory';

/** Rows and columns of a table just written (counting a stored table is cheap). */
async function tableShape(connection: Connection, table: string): Promise<{ rows: number; columns: number }> {
  const { rows } = await connection.query(`SELECT count(*) AS n FROM ${table}`);
  return { rows: Number(rows[0]?.n ?? 0), columns: (await connection.describe(table)).length };
}

/** How many outputs the in-memory tier holds at most; the least recently kept go first. */
const MEMORY_TIER_SLOTS = 8;

export class CacheStore {
  /** Outputs being written now, by key → the write's promise. */
  private readonly writing = new Map<string, Promise<CacheEntry[]>>();
  /**
   * Outputs kept in memory only, for this process (most recently kept last): costly fused inputs
   * a step had to store anyway (engine/execute/run-pipeline.ts, pinFusedInputs), so an edit after
   * them does not compute them again. Cheap to keep, unlike a table in the cache file.
   */
  private readonly inMemory = new Map<string, CacheEntry>();
  private memoryTier = false;
  /** Answers of node builds' small queries (fit statistics, categories), by node fingerprint: for this process. */
  readonly buildQueries = new BuildQueryMemo();

  private constructor(
    private readonly connection: Connection,
    private readonly memoryTierWanted: boolean,
  ) {}

  /** `connection` is the store's own connection; node outputs are written on the caller's connection. */
  static async open(connection: Connection, options: { memoryTier?: boolean } = {}): Promise<CacheStore> {
    for (const statement of SCHEMA) await connection.execute(statement);
    return new CacheStore(connection, options.memoryTier ?? true);
  }

  /** Whether the output is held in this process's in-memory tier. */
  heldInMemory(key: string): boolean {
    return this.inMemory.has(key);
  }

  /** The relation that holds a present output: its table in the cache file or in memory. */
  relation(key: string): string {
    return this.inMemory.has(key) ? `${ident(MEMORY_TIER)}.${cacheTable(key)}` : cacheTable(key);
  }

  async present(keys: string[]): Promise<Map<string, CacheEntry>> {
    if (keys.length === 0) return new Map();
    const { rows } = await this.connection.query(
      `SELECT key, rows, columns FROM _millrace_entries WHERE key IN (${keys.map((k) => literal(k)).join(', ')})`,
    );
    const found = new Map(rows.map((r) => [String(r.key), { key: String(r.key), rows: Number(r.rows), columns: Number(r.columns) }]));
    for (const key of keys) {
      const kept = this.inMemory.get(key);
      if (kept && !found.has(key)) found.set(key, kept);
    }
    return found;
  }

  /**
   * Keep `relation` (a view on `connection`) as an in-memory table for this process; returns its
   * name, or undefined when there is no in-memory tier.
   */
  async keepInMemory(connection: Connection, key: string, relation: string): Promise<string | undefined> {
    // Two runs of one pipeline at once reach the same output: the second uses the first's table
    // (creating it twice would be a write-write conflict in DuckDB).
    if (!this.memoryTierWanted) return undefined;
    const pending = this.keeping.get(key);
    if (pending) return pending;
    if (this.inMemory.has(key)) return this.relation(key);
    const keeping = this.writeInMemory(connection, key, relation).finally(() => this.keeping.delete(key));
    this.keeping.set(key, keeping);
    return keeping;
  }

  private readonly keeping = new Map<string, Promise<string | undefined>>();

  private async writeInMemory(connection: Connection, key: string, relation: string): Promise<string | undefined> {
    if (!this.memoryTier) {
      this.memoryTier = await connection.execute(`ATTACH IF NOT EXISTS ':memory:' AS ${ident(MEMORY_TIER)}`).then(
        () => true,
        () => false,
      );
      if (!this.memoryTier) return undefined;
    }
    const table = `${ident(MEMORY_TIER)}.${cacheTable(key)}`;
    await connection.execute(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM ${relation}`);
    this.inMemory.delete(key);
    this.inMemory.set(key, { key, ...(await tableShape(connection, table)) });
    return table;
  }

  private users = 0;

  /**
   * Do `work` (a run, a preview, a profile) that may read or add in-memory tables. The tier is
   * trimmed when the last such work ends, never under one that may still be reading a table.
   */
  async inUse<T>(work: () => Promise<T>): Promise<T> {
    this.users++;
    try {
      return await work();
    } finally {
      if (--this.users === 0) await this.trimMemoryTier();
    }
  }

  /** Drop all but the most recently kept in-memory outputs (only through inUse: see there). */
  private async trimMemoryTier(): Promise<void> {
    while (this.inMemory.size > MEMORY_TIER_SLOTS) {
      const oldest = this.inMemory.keys().next().value!;
      this.inMemory.delete(oldest);
      await this.connection.execute(`DROP TABLE IF EXISTS ${ident(MEMORY_TIER)}.${cacheTable(oldest)}`).catch(() => undefined);
    }
  }

  /**
   * Materialise a node's outputs (port → SELECT) as cache tables in one transaction on `connection`.
   * Returns the row and column counts per port.
   *
   * Two runs in one engine can reach the same output at once (a pipeline run twice, or two
   * pipelines sharing their first steps); DuckDB would refuse the second CREATE as a write-write
   * conflict and fail that run. So the second waits for the first and then uses its tables.
   */
  async materialise(
    connection: Connection,
    node: { id: string; type: string },
    outputs: { key: string; sql: string }[],
  ): Promise<CacheEntry[]> {
    const keys = outputs.map((o) => o.key);
    for (let busy = this.busyWith(keys); busy.length > 0; busy = this.busyWith(keys)) await Promise.allSettled(busy);
    // Registered in the same tick as the check above, so no second writer can slip in between.
    const write = (async () => {
      const present = await this.present(keys);
      if (keys.every((key) => present.has(key))) return keys.map((key) => present.get(key)!);
      return this.write(connection, node, outputs);
    })();
    for (const key of keys) this.writing.set(key, write);
    try {
      return await write;
    } finally {
      for (const key of keys) if (this.writing.get(key) === write) this.writing.delete(key);
    }
  }

  private busyWith(keys: string[]): Promise<CacheEntry[]>[] {
    return [...new Set(keys.flatMap((key) => this.writing.get(key) ?? []))];
  }

  private async write(connection: Connection, node: { id: string; type: string }, outputs: { key: string; sql: string }[]): Promise<CacheEntry[]> {
    const entries: CacheEntry[] = [];
    await connection.execute('BEGIN TRANSACTION');
    try {
      for (const { key, sql } of outputs) {
        const table = cacheTable(key);
        await connection.execute(`CREATE OR REPLACE TABLE ${table} AS ${sql}`);
        const { rows: count, columns } = await tableShape(connection, table);
        await connection.execute(
          `INSERT OR REPLACE INTO _millrace_entries VALUES (${literal(key)}, ${literal(node.id)}, ${literal(node.type)}, ${count}, ${columns}, now(), now())`,
        );
        entries.push({ key, rows: count, columns });
      }
      await connection.execute('COMMIT');
    } catch (error) {
      await connection.execute('ROLLBACK').catch(() => undefined);
      throw error;
    }
    return entries;
  }

  /** Which of `keys` were computed before as fused outputs (not kept). */
  async fusedBefore(keys: string[]): Promise<Set<string>> {
    return this.keysIn('_millrace_fused', keys);
  }

  /** Which of `keys` are sink or worker-target records (a sink that wrote with exactly this fingerprint). */
  async sinksRecorded(keys: string[]): Promise<Set<string>> {
    return this.keysIn('_millrace_sinks', keys);
  }

  private async keysIn(table: '_millrace_fused' | '_millrace_sinks', keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const { rows } = await this.connection.query(`SELECT key FROM ${table} WHERE key IN (${keys.map((k) => literal(k)).join(', ')})`);
    return new Set(rows.map((r) => String(r.key)));
  }

  async rememberFused(outputs: { key: string; nodeId: string }[]): Promise<void> {
    if (outputs.length === 0) return;
    const values = outputs.map((o) => `(${literal(o.key)}, ${literal(o.nodeId)}, now())`).join(', ');
    await this.connection.execute(`INSERT OR REPLACE INTO _millrace_fused VALUES ${values}`);
    await this.connection.execute(
      `DELETE FROM _millrace_fused WHERE key NOT IN (SELECT key FROM _millrace_fused ORDER BY last_seen_at DESC LIMIT ${FUSED_MEMORY})`,
    );
  }

  async touch(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.connection.execute(
      `UPDATE _millrace_entries SET last_used_at = now() WHERE key IN (${keys.map((k) => literal(k)).join(', ')})`,
    );
  }

  async previousParts(pipeline: string, nodeId: string): Promise<FingerprintParts | undefined> {
    const { rows } = await this.connection.query(
      `SELECT parts FROM _millrace_node_parts WHERE pipeline = ${literal(pipeline)} AND node_id = ${literal(nodeId)}`,
    );
    const parts = rows[0]?.parts;
    return typeof parts === 'string' ? (JSON.parse(parts) as FingerprintParts) : (parts as unknown as FingerprintParts | undefined);
  }

  async rememberParts(pipeline: string, nodeId: string, parts: FingerprintParts): Promise<void> {
    await this.connection.execute(
      `INSERT OR REPLACE INTO _millrace_node_parts VALUES (${literal(pipeline)}, ${literal(nodeId)}, ${literal(JSON.stringify(parts))})`,
    );
  }

  async sinkRecord(key: string): Promise<{ files: FileIdentity[]; rows: number } | undefined> {
    const { rows } = await this.connection.query(`SELECT files, rows FROM _millrace_sinks WHERE key = ${literal(key)}`);
    const row = rows[0];
    if (!row) return undefined;
    const files = typeof row.files === 'string' ? (JSON.parse(row.files) as FileIdentity[]) : (row.files as unknown as FileIdentity[]);
    return { files, rows: Number(row.rows) };
  }

  async recordSink(key: string, files: FileIdentity[], rows: number): Promise<void> {
    await this.connection.execute(`INSERT OR REPLACE INTO _millrace_sinks VALUES (${literal(key)}, ${literal(JSON.stringify(files))}, ${rows})`);
  }

  async report(key: string): Promise<QualityReport | undefined> {
    const { rows } = await this.connection.query(`SELECT report FROM _millrace_reports WHERE key = ${literal(key)}`);
    const report = rows[0]?.report;
    return typeof report === 'string' ? (JSON.parse(report) as QualityReport) : (report as unknown as QualityReport | undefined);
  }

  async recordReport(key: string, report: QualityReport): Promise<void> {
    await this.connection.execute(`INSERT OR REPLACE INTO _millrace_reports VALUES (${literal(key)}, ${literal(JSON.stringify(report))})`);
  }

  async profile(key: string, sampleRows: number): Promise<JsonValue | undefined> {
    const { rows } = await this.connection.query(
      `SELECT profile FROM _millrace_profiles WHERE key = ${literal(key)} AND sample_rows = ${sampleRows}`,
    );
    const profile = rows[0]?.profile;
    return typeof profile === 'string' ? (JSON.parse(profile) as JsonValue) : profile;
  }

  async recordProfile(key: string, sampleRows: number, profile: JsonValue): Promise<void> {
    await this.connection.execute(
      `INSERT OR REPLACE INTO _millrace_profiles VALUES (${literal(key)}, ${sampleRows}, ${literal(JSON.stringify(profile))})`,
    );
  }

  private async checkpoint(): Promise<boolean> {
    return this.connection.execute('CHECKPOINT').then(
      () => true,
      () => false,
    );
  }

  /** Bytes the cache file uses now. */
  async usedBytes(): Promise<number> {
    const { rows } = await this.connection.query(
      `SELECT used_blocks * block_size AS bytes FROM pragma_database_size() WHERE database_name = current_database()`,
    );
    return Number(rows[0]?.bytes ?? 0);
  }

  /**
   * Drop least-recently-used outputs until the cache is under `budgetBytes`, never one in `keep`
   * (the outputs of the run that just finished). Returns how many tables were dropped.
   */
  async evict(budgetBytes: number, keep: Set<string>): Promise<number> {
    let dropped = 0;
    // Fresh outputs may still be in the write-ahead log, which the block count leaves out.
    await this.checkpoint();
    if ((await this.usedBytes()) <= budgetBytes) return 0;
    const { rows } = await this.connection.query(`SELECT key FROM _millrace_entries ORDER BY last_used_at ASC`);
    for (const row of rows) {
      const key = String(row.key);
      if (keep.has(key)) continue;
      await this.connection.execute(`DROP TABLE IF EXISTS ${cacheTable(key)}`);
      await this.connection.execute(`DELETE FROM _millrace_entries WHERE key = ${literal(key)}`);
      await this.connection.execute(`DELETE FROM _millrace_profiles WHERE key = ${literal(key)}`);
      dropped++;
      // A dropped table frees its blocks only at a checkpoint; measured without one, the size never
      // goes down and every older output would be dropped. When another run is writing, no
      // checkpoint can happen now: stop, and let the next run's eviction go on.
      if (!(await this.checkpoint())) break;
      if ((await this.usedBytes()) <= budgetBytes) break;
    }
    return dropped;
  }
}
