/**
 * Millrace's run history: runs, node runs, logs, data-quality results, training metrics and
 * the model registry, in one SQLite file per project (better-sqlite3; this folder is the only
 * place that imports it). See types.ts for the records and their time format (ISO strings).
 *
 * WAL lets the UI read while a run writes, and lets two processes (CLI and app) share a file;
 * busy_timeout makes a writer wait for the other instead of failing. synchronous=NORMAL in WAL
 * can lose the last transactions on power loss, never corrupt the file: fine for a history.
 */
import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { CheckResult } from '../../nodes/node-definition.js';
import { LogBuffer, type LogBufferOptions, type PendingLog } from './log-buffer.js';
import { NodeRunTable } from './node-runs.js';
import { processMarker } from './process-identity.js';
import { recoverInterruptedRuns } from './recover-interrupted.js';
import { emptyCounts, toLogEntry, toQualityRecord, toRunRecord, type LogRow, type QualityRow, type RunRow } from './rows.js';
import { migrate } from './schema.js';
import { TrainingRecords } from './training-records.js';
import {
  LOG_LEVELS,
  RUN_STATUSES,
  type FinishNodeInput,
  type FinishedRunStatus,
  type ListModelsOptions,
  type ListRunsOptions,
  type LogEntry,
  type LogLevel,
  type MetricInput,
  type MetricRecord,
  type ModelInput,
  type ModelRecord,
  type NodeRunRecord,
  type RecordedNode,
  type RunDetails,
  type RunRecord,
  type StartNodeInput,
  type StartRunInput,
} from './types.js';

export interface RunStoreOptions {
  /** How long a write waits for another connection's write to finish. Default 5000 ms. */
  busyTimeoutMs?: number;
  /** When buffered log lines are written. Default: 200 lines or 100 ms. */
  logBatch?: LogBufferOptions;
}

const now = (): string => new Date().toISOString();

const FINISHED_RUN_STATUSES: readonly string[] = RUN_STATUSES.filter((status) => status !== 'running');

export class RunStore {
  /** Runs this open found still `running` with their process gone, now marked `interrupted`. */
  recoveredRuns: readonly string[] = [];
  private readonly nodeRuns: NodeRunTable;
  private readonly training: TrainingRecords;
  private readonly logs: LogBuffer;
  /** Runs known to exist, so log() can refuse a bad id at once instead of failing a whole batch later. */
  private readonly knownRuns = new Set<string>();
  private readonly marker = processMarker(process.pid);

  private constructor(private readonly db: BetterSqlite3.Database, readonly path: string, options: RunStoreOptions) {
    this.nodeRuns = new NodeRunTable(db);
    this.training = new TrainingRecords(db);
    const insertLog = db.prepare<PendingLog>(
      'INSERT INTO logs (run_id, node_id, time, level, message) VALUES (@runId, @nodeId, @time, @level, @message)',
    );
    const writeLogs = db.transaction((entries: PendingLog[]) => entries.forEach((entry) => insertLog.run(entry)));
    this.logs = new LogBuffer((entries) => writeLogs.immediate(entries), options.logBatch);
  }

  /** Open (creating if needed) a run history file, bring its schema up to date, close runs whose process died. */
  static open(file: string, options: RunStoreOptions = {}): RunStore {
    const inMemory = file === ':memory:' || file === '';
    if (!inMemory) mkdirSync(path.dirname(file), { recursive: true });
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    const db = new BetterSqlite3(file, { timeout: busyTimeoutMs });
    try {
      db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      migrate(db, file);
      const store = new RunStore(db, file, options);
      store.recoveredRuns = recoverInterruptedRuns(db, now);
      return store;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  startRun(input: StartRunInput): string {
    const id = input.id ?? randomUUID();
    this.db
      .prepare<RunRow>(
        `INSERT INTO runs (id, pipeline_name, pipeline_file, target_node, status, started_at, ended_at, error, pid, host, process_marker)
         VALUES (@id, @pipeline_name, @pipeline_file, @target_node, @status, @started_at, @ended_at, @error, @pid, @host, @process_marker)`,
      )
      .run({
        id,
        pipeline_name: input.pipelineName,
        pipeline_file: input.file,
        target_node: input.target ?? null,
        status: 'running',
        started_at: now(),
        ended_at: null,
        error: null,
        pid: process.pid,
        host: os.hostname(),
        process_marker: this.marker,
      });
    this.knownRuns.add(id);
    return id;
  }

  /** End a run. Its buffered logs are written first; nodes still pending or running become cancelled. */
  finishRun(runId: string, status: FinishedRunStatus, error?: string | null): void {
    if (!FINISHED_RUN_STATUSES.includes(status)) {
      throw new Error(`finishRun needs a final status (succeeded, failed, cancelled, interrupted), not "${status}".`);
    }
    let logFailure: unknown = null;
    try {
      this.logs.flush();
    } catch (failure) {
      logFailure = failure;
    }
    this.db
      .transaction(() => {
        const run = this.db.prepare<[string], { status: string }>('SELECT status FROM runs WHERE id = ?').get(runId);
        if (!run) throw new Error(`Run ${runId} is not in the run history ${this.path}.`);
        if (run.status !== 'running') throw new Error(`Run ${runId} has already ended (${run.status}).`);
        const endedAt = now();
        this.db
          .prepare('UPDATE runs SET status = ?, ended_at = ?, error = ? WHERE id = ?')
          .run(status, endedAt, error ?? null, runId);
        this.db
          .prepare(
            `UPDATE node_runs SET status = 'cancelled', ended_at = coalesce(ended_at, ?)
             WHERE run_id = ? AND status IN ('pending', 'running')`,
          )
          .run(endedAt, runId);
      })
      .immediate();
    if (logFailure !== null) throw logFailure;
  }

  startNode(runId: string, input: StartNodeInput): void {
    this.requireRun(runId);
    this.db
      .transaction(() =>
        this.nodeRuns.place(runId, input.nodeId, {
          node_type: input.nodeType,
          status: 'running',
          cache_hit: 0,
          reason: input.reason,
          fingerprint: input.fingerprint,
          started_at: now(),
          ended_at: null,
          duration_ms: null,
          rows: null,
          columns: null,
          error: null,
        }),
      )
      .immediate();
  }

  finishNode(runId: string, nodeId: string, input: FinishNodeInput): void {
    if (!this.nodeRuns.finish(runId, nodeId, input, now())) {
      throw new Error(`Node "${nodeId}" has not started in run ${runId}: call startNode first (or recordNodes for nodes that do not run).`);
    }
  }

  /** Record nodes that do not run (cached, skipped) or are planned (pending), in one transaction. */
  recordNodes(runId: string, nodes: RecordedNode[]): void {
    this.requireRun(runId);
    const time = now();
    this.db
      .transaction(() => {
        for (const node of nodes) {
          const pending = node.status === 'pending';
          this.nodeRuns.place(runId, node.nodeId, {
            node_type: node.nodeType,
            status: node.status,
            cache_hit: node.status === 'cached' ? 1 : 0,
            reason: node.reason ?? null,
            fingerprint: node.fingerprint ?? null,
            started_at: time,
            ended_at: pending ? null : time,
            duration_ms: node.status === 'cached' ? 0 : null,
            rows: node.rows ?? null,
            columns: node.columns ?? null,
            error: null,
          });
        }
      })
      .immediate();
  }

  /** Buffered: written within ~100 ms, or at once every 200 lines, and on finishRun/close. */
  log(runId: string, nodeId: string | null, level: LogLevel, message: string): void {
    if (!LOG_LEVELS.includes(level)) throw new Error(`Log level must be info, warn or error, not "${String(level)}".`);
    this.requireRun(runId);
    this.logs.add({ runId, nodeId, time: now(), level, message });
  }

  /** Write buffered log lines now. */
  flushLogs(): void {
    this.logs.flush();
  }

  recordQuality(runId: string, nodeId: string, results: CheckResult[]): void {
    this.requireRun(runId);
    const insert = this.db.prepare<QualityRow>(
      `INSERT INTO quality_results (run_id, node_id, "check", "column", passed, detail, failing_rows, examples, value)
       VALUES (@run_id, @node_id, @check, @column, @passed, @detail, @failing_rows, @examples, @value)`,
    );
    this.db
      .transaction(() => {
        for (const r of results) {
          insert.run({
            run_id: runId,
            node_id: nodeId,
            check: r.check,
            column: r.column ?? null,
            passed: r.passed ? 1 : 0,
            detail: r.detail,
            failing_rows: r.failingRows ?? null,
            examples: r.examples === undefined ? null : JSON.stringify(r.examples),
            value: r.value ?? null,
          });
        }
      })
      .immediate();
  }

  /** Newest first. Default limit 50. */
  listRuns(options: ListRunsOptions = {}): RunRecord[] {
    const rows = this.db
      .prepare<{ file: string | null; limit: number }, RunRow>(
        `SELECT * FROM runs WHERE (@file IS NULL OR pipeline_file = @file) ORDER BY started_at DESC, rowid DESC LIMIT @limit`,
      )
      .all({ file: options.pipelineFile ?? null, limit: options.limit ?? 50 });
    const counts = this.nodeRuns.countsFor(rows.map((row) => row.id));
    return rows.map((row) => toRunRecord(row, counts.get(row.id) ?? emptyCounts()));
  }

  getRun(runId: string): RunDetails | undefined {
    const row = this.db.prepare<[string], RunRow>('SELECT * FROM runs WHERE id = ?').get(runId);
    if (!row) return undefined;
    const quality = this.db
      .prepare<[string], QualityRow>('SELECT * FROM quality_results WHERE run_id = ? ORDER BY id')
      .all(runId)
      .map(toQualityRecord);
    const counts = this.nodeRuns.countsFor([runId]).get(runId) ?? emptyCounts();
    return { run: toRunRecord(row, counts), nodes: this.nodeRuns.forRun(runId), quality };
  }

  /** A run's log lines in the order they were logged; only one node's when nodeId is given. */
  getLogs(runId: string, nodeId?: string): LogEntry[] {
    this.logs.flush();
    return this.db
      .prepare<{ run: string; node: string | null }, LogRow>(
        'SELECT * FROM logs WHERE run_id = @run AND (@node IS NULL OR node_id = @node) ORDER BY id',
      )
      .all({ run: runId, node: nodeId ?? null })
      .map(toLogEntry);
  }

  /** The last time this node of this pipeline file ran or came from the cache. */
  latestNodeRun(file: string, nodeId: string): NodeRunRecord | undefined {
    return this.nodeRuns.latestForFile(file, nodeId);
  }

  recordMetric(runId: string, nodeId: string, metric: MetricInput): void {
    this.recordMetrics(runId, nodeId, [metric]);
  }

  recordMetrics(runId: string, nodeId: string, metrics: MetricInput[]): void {
    this.requireRun(runId);
    this.training.recordMetrics(runId, nodeId, metrics, now());
  }

  listMetrics(runId: string, nodeId?: string): MetricRecord[] {
    return this.training.listMetrics(runId, nodeId);
  }

  /** Returns the new model's id. */
  registerModel(model: ModelInput): string {
    this.requireRun(model.runId);
    return this.training.registerModel(model, now());
  }

  /** Newest first. Default limit 100. */
  listModels(options?: ListModelsOptions): ModelRecord[] {
    return this.training.listModels(options);
  }

  /** Writes buffered logs and closes the file. Safe to call twice. */
  close(): void {
    if (!this.db.open) return;
    try {
      this.logs.flush();
    } finally {
      this.db.close();
    }
  }

  private requireRun(runId: string): void {
    if (this.knownRuns.has(runId)) return;
    const found = this.db.prepare<[string], { id: string }>('SELECT id FROM runs WHERE id = ?').get(runId);
    if (!found) throw new Error(`Run ${runId} is not in the run history ${this.path}.`);
    this.knownRuns.add(runId);
  }
}
