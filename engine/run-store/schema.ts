/**
 * The run store's schema, as an ordered list of migrations. `PRAGMA user_version` holds how
 * many have been applied; a later issue adds a table by appending a migration, never by
 * editing one that has shipped (existing files have already run it).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { LOG_LEVELS, NODE_RUN_STATUSES, RUN_STATUSES } from './types.js';

const oneOf = (column: string, values: readonly string[]): string =>
  `CHECK (${column} IN (${values.map((v) => `'${v}'`).join(', ')}))`;

/** Migration 1: every table the design names, so the schema is stable from the first release. */
const createTables = `
CREATE TABLE runs (
  id              TEXT PRIMARY KEY,
  pipeline_name   TEXT NOT NULL,
  pipeline_file   TEXT NOT NULL,
  target_node     TEXT,
  status          TEXT NOT NULL ${oneOf('status', RUN_STATUSES)},
  started_at      TEXT NOT NULL,
  ended_at        TEXT,
  error           TEXT,
  pid             INTEGER NOT NULL,
  host            TEXT NOT NULL,
  process_marker  TEXT
) STRICT;
CREATE INDEX runs_by_file ON runs (pipeline_file, started_at);
CREATE INDEX runs_by_start ON runs (started_at);
CREATE INDEX runs_by_status ON runs (status);

CREATE TABLE node_runs (
  run_id       TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  node_id      TEXT NOT NULL,
  attempt      INTEGER NOT NULL DEFAULT 1,
  node_type    TEXT NOT NULL,
  status       TEXT NOT NULL ${oneOf('status', NODE_RUN_STATUSES)},
  cache_hit    INTEGER NOT NULL DEFAULT 0 CHECK (cache_hit IN (0, 1)),
  reason       TEXT,
  fingerprint  TEXT,
  started_at   TEXT NOT NULL,
  ended_at     TEXT,
  duration_ms  REAL,
  rows         INTEGER,
  columns      INTEGER,
  error        TEXT,
  PRIMARY KEY (run_id, node_id, attempt)
) STRICT;
CREATE INDEX node_runs_by_node ON node_runs (node_id, started_at);

CREATE TABLE logs (
  id       INTEGER PRIMARY KEY,
  run_id   TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  node_id  TEXT,
  time     TEXT NOT NULL,
  level    TEXT NOT NULL ${oneOf('level', LOG_LEVELS)},
  message  TEXT NOT NULL
) STRICT;
CREATE INDEX logs_by_run ON logs (run_id, node_id, id);

CREATE TABLE quality_results (
  id            INTEGER PRIMARY KEY,
  run_id        TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  node_id       TEXT NOT NULL,
  "check"       TEXT NOT NULL,
  "column"      TEXT,
  passed        INTEGER NOT NULL CHECK (passed IN (0, 1)),
  detail        TEXT NOT NULL,
  failing_rows  INTEGER,
  examples      TEXT,
  value         REAL
) STRICT;
CREATE INDEX quality_by_run ON quality_results (run_id, node_id);

CREATE TABLE training_metrics (
  id       INTEGER PRIMARY KEY,
  run_id   TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  node_id  TEXT NOT NULL,
  epoch    INTEGER NOT NULL,
  step     INTEGER,
  name     TEXT NOT NULL,
  value    REAL,
  time     TEXT NOT NULL
) STRICT;
CREATE INDEX metrics_by_node ON training_metrics (run_id, node_id, id);

CREATE TABLE models (
  id                TEXT PRIMARY KEY,
  run_id            TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  node_id           TEXT NOT NULL,
  params            TEXT NOT NULL,
  data_fingerprint  TEXT,
  metrics           TEXT NOT NULL,
  artifact_path     TEXT NOT NULL,
  device            TEXT NOT NULL,
  created_at        TEXT NOT NULL
) STRICT;
CREATE INDEX models_by_run ON models (run_id, node_id);
CREATE INDEX models_by_created ON models (created_at);
`;

/** Applied in order; migration i (0-based) takes user_version from i to i + 1. */
export const MIGRATIONS: readonly string[] = [createTables];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Bring the file up to SCHEMA_VERSION. Runs in an IMMEDIATE transaction so that two processes
 * opening a new file at once do not both create the tables: the second waits, then sees the
 * version the first wrote.
 */
export function migrate(db: BetterSqlite3.Database, path: string): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true });
    if (typeof version !== 'number') throw new Error(`Could not read the schema version of the run history ${path}.`);
    if (version > SCHEMA_VERSION) {
      throw new Error(
        `The run history ${path} was written by a newer version of Millrace (schema ${version}; this version knows up to ${SCHEMA_VERSION}). Update Millrace, or move the file away to start a new history.`,
      );
    }
    for (let i = version; i < SCHEMA_VERSION; i += 1) db.exec(MIGRATIONS[i]!);
    // PRAGMA takes no bound parameters; SCHEMA_VERSION is an integer constant.
    if (version !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
