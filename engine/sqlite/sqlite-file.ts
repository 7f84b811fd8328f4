/**
 * The one door to better-sqlite3 for SQLite files the user reads and writes (read_sqlite,
 * write_sqlite). DuckDB's sqlite extension cannot be installed offline, so rows travel
 * through JS here: read as arrays of values, written in one transaction.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { NodeError } from '../../nodes/node-definition.js';
import { ident } from '../sql/quote.js';

export interface SqliteColumn {
  name: string;
  /** The declared type (`INTEGER`, `VARCHAR(20)`), or null for an expression in a query. */
  declaredType: string | null;
}

export type SqliteSource = { table: string } | { query: string };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A SQLite file opened read-only. Both reads of a source run inside one read transaction, so they see the same data. */
export class SqliteReader {
  private constructor(private readonly db: Database.Database, readonly path: string) {}

  static open(file: string): SqliteReader {
    if (!existsSync(file)) throw new NodeError(`The SQLite file "${file}" does not exist.`, 'Check the path: it is relative to the pipeline file.');
    let db: Database.Database;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
    } catch (error) {
      throw new NodeError(`Could not open "${file}" as a SQLite database: ${message(error)}.`);
    }
    const reader = new SqliteReader(db, file);
    try {
      // BEGIN is lazy in SQLite; the first read below takes the snapshot (and proves the file is a database).
      db.exec('BEGIN');
      reader.tables();
    } catch (error) {
      reader.close();
      throw new NodeError(`Could not read "${file}" as a SQLite database: ${message(error)}.`);
    }
    return reader;
  }

  /** Tables and views, for error messages. */
  tables(): string[] {
    const rows = this.db
      .prepare(`SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`)
      .pluck()
      .all() as string[];
    return rows;
  }

  private statement(source: SqliteSource): Database.Statement {
    if ('table' in source) {
      const known = this.tables();
      // SQLite table names are case-insensitive.
      if (!known.some((name) => name.toLowerCase() === source.table.toLowerCase())) {
        const available = known.length > 0 ? `Tables in the file: ${known.join(', ')}.` : 'The file has no tables.';
        throw new NodeError(`The SQLite file "${this.path}" has no table "${source.table}". ${available}`);
      }
    }
    const sql = 'table' in source ? `SELECT * FROM ${ident(source.table)}` : source.query;
    let statement: Database.Statement;
    try {
      statement = this.db.prepare(sql);
    } catch (error) {
      throw new NodeError(`SQLite could not run the query on "${this.path}": ${message(error)}.`);
    }
    if (!statement.reader) throw new NodeError('The SQLite query returns no rows: give a SELECT statement.');
    // Integers come back as bigint so values beyond 2^53 keep every digit.
    return statement.raw(true).safeIntegers(true);
  }

  columns(source: SqliteSource): SqliteColumn[] {
    return this.statement(source)
      .columns()
      .map((c) => ({ name: c.name, declaredType: c.type }));
  }

  /** The rows one at a time (values: bigint, number, string, Buffer or null); nothing is held in memory. */
  rows(source: SqliteSource): IterableIterator<unknown[]> {
    return this.statement(source).iterate() as IterableIterator<unknown[]>;
  }

  close(): void {
    try {
      if (this.db.inTransaction) this.db.exec('COMMIT');
    } finally {
      this.db.close();
    }
  }
}

export interface SqliteTableTarget {
  path: string;
  table: string;
  /** Column names and SQLite declared types, in insert order. */
  columns: { name: string; type: string }[];
  /** replace: drop and recreate the table; append: insert into it (created when missing). */
  mode: 'replace' | 'append';
}

/**
 * Writes rows into one table inside one transaction: until `commit`, readers see the old
 * table, and `rollback` (after a failure or a cancel) leaves it exactly as it was.
 */
export class SqliteTableWriter {
  private rows = 0;

  private constructor(
    private readonly db: Database.Database,
    private readonly insertStatement: Database.Statement,
    private readonly target: SqliteTableTarget,
    private readonly createdFile: boolean,
  ) {}

  static begin(target: SqliteTableTarget): SqliteTableWriter {
    mkdirSync(path.dirname(target.path), { recursive: true });
    const createdFile = !existsSync(target.path);
    let db: Database.Database;
    try {
      db = new Database(target.path);
    } catch (error) {
      throw new NodeError(`Could not open "${target.path}" as a SQLite database: ${message(error)}.`);
    }
    try {
      db.exec('BEGIN IMMEDIATE');
      const table = ident(target.table);
      const columnsSql = target.columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ');
      if (target.mode === 'replace') {
        db.exec(`DROP TABLE IF EXISTS ${table}`);
        db.exec(`CREATE TABLE ${table} (${columnsSql})`);
      } else {
        const existing = db.pragma(`table_info(${ident(target.table)})`) as { name: string }[];
        if (existing.length === 0) db.exec(`CREATE TABLE ${table} (${columnsSql})`);
        else checkSameColumns(target, existing.map((c) => c.name));
      }
      const placeholders = target.columns.map(() => '?').join(', ');
      const names = target.columns.map((c) => ident(c.name)).join(', ');
      const insert = db.prepare(`INSERT INTO ${table} (${names}) VALUES (${placeholders})`);
      return new SqliteTableWriter(db, insert, target, createdFile);
    } catch (error) {
      abandon(db, target.path, createdFile);
      if (error instanceof NodeError) throw error;
      throw new NodeError(`Could not prepare table "${target.table}" in "${target.path}": ${message(error)}.`);
    }
  }

  /** Insert a chunk of rows (values: bigint, number, string, Buffer/Uint8Array or null). */
  insert(rows: unknown[][]): void {
    try {
      for (const row of rows) {
        this.insertStatement.run(...row);
        this.rows++;
      }
    } catch (error) {
      throw new NodeError(`Could not write row ${this.rows + 1} to table "${this.target.table}" in "${this.target.path}": ${message(error)}.`);
    }
  }

  /** Make the writes visible; returns the number of rows inserted. */
  commit(): number {
    this.db.exec('COMMIT');
    this.db.close();
    return this.rows;
  }

  /** Undo everything since `begin`; a file this writer created is removed again. */
  rollback(): void {
    abandon(this.db, this.target.path, this.createdFile);
  }
}

function checkSameColumns(target: SqliteTableTarget, existing: string[]): void {
  // SQLite column names are case-insensitive.
  const have = new Set(existing.map((n) => n.toLowerCase()));
  const want = new Set(target.columns.map((c) => c.name.toLowerCase()));
  const same = have.size === want.size && [...want].every((n) => have.has(n));
  if (!same) {
    throw new NodeError(
      `Cannot append to table "${target.table}" in "${target.path}": it has columns ${existing.join(', ')} but the input has ${target.columns.map((c) => c.name).join(', ')}.`,
      'Use mode: replace, or select and rename the input columns to match the table.',
    );
  }
}

function abandon(db: Database.Database, file: string, createdFile: boolean): void {
  try {
    if (db.inTransaction) db.exec('ROLLBACK');
  } finally {
    db.close();
    if (createdFile) {
      for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    }
  }
}
