/**
 * The node_runs table: one row per attempt at a node within a run. A node planned as `pending`
 * keeps its row when it starts; a retry after a finished attempt adds a row with attempt + 1.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { emptyCounts, toNodeRunRecord, type NodeRunRow, type StatusCountRow } from './rows.js';
import type { FinishNodeInput, NodeCounts, NodeRunRecord } from './types.js';

/** Columns written when a node run is placed (started, or recorded without running). */
export type NodeRunFields = Omit<NodeRunRow, 'run_id' | 'node_id' | 'attempt'>;

interface Key {
  run_id: string;
  node_id: string;
}

export class NodeRunTable {
  private readonly latest;
  private readonly updatePending;
  private readonly insert;
  private readonly finishLatest;
  private readonly forRunStatement;
  private readonly latestForFileStatement;
  private readonly countsStatement;

  constructor(db: BetterSqlite3.Database) {
    this.latest = db.prepare<Key, { attempt: number; status: string }>(
      'SELECT attempt, status FROM node_runs WHERE run_id = @run_id AND node_id = @node_id ORDER BY attempt DESC LIMIT 1',
    );
    const assignments = `node_type = @node_type, status = @status, cache_hit = @cache_hit, reason = @reason,
      fingerprint = @fingerprint, started_at = @started_at, ended_at = @ended_at, duration_ms = @duration_ms,
      rows = @rows, columns = @columns, error = @error`;
    this.updatePending = db.prepare<NodeRunRow>(
      `UPDATE node_runs SET ${assignments} WHERE run_id = @run_id AND node_id = @node_id AND attempt = @attempt`,
    );
    this.insert = db.prepare<NodeRunRow>(
      `INSERT INTO node_runs (run_id, node_id, attempt, node_type, status, cache_hit, reason, fingerprint,
         started_at, ended_at, duration_ms, rows, columns, error)
       VALUES (@run_id, @node_id, @attempt, @node_type, @status, @cache_hit, @reason, @fingerprint,
         @started_at, @ended_at, @duration_ms, @rows, @columns, @error)`,
    );
    this.finishLatest = db.prepare<
      Key & Pick<NodeRunRow, 'status' | 'cache_hit' | 'ended_at' | 'duration_ms' | 'rows' | 'columns' | 'error' | 'reason'>
    >(
      `UPDATE node_runs SET status = @status, cache_hit = @cache_hit, ended_at = @ended_at, duration_ms = @duration_ms,
         rows = @rows, columns = @columns, error = @error, reason = coalesce(@reason, reason)
       WHERE run_id = @run_id AND node_id = @node_id
         AND attempt = (SELECT max(attempt) FROM node_runs WHERE run_id = @run_id AND node_id = @node_id)`,
    );
    this.forRunStatement = db.prepare<[string], NodeRunRow>(
      'SELECT * FROM node_runs WHERE run_id = ? ORDER BY started_at, node_id, attempt',
    );
    this.latestForFileStatement = db.prepare<[string, string], NodeRunRow>(
      `SELECT n.* FROM node_runs n JOIN runs r ON r.id = n.run_id
       WHERE r.pipeline_file = ? AND n.node_id = ? AND n.status != 'pending'
       ORDER BY n.started_at DESC, r.rowid DESC, n.attempt DESC LIMIT 1`,
    );
    // Counts use each node's latest attempt, so a node that failed and then succeeded counts once, as done.
    this.countsStatement = db.prepare<[string], StatusCountRow>(
      `SELECT n.run_id, n.status, count(*) AS n FROM node_runs n
       WHERE n.run_id IN (SELECT value FROM json_each(?))
         AND n.attempt = (SELECT max(attempt) FROM node_runs m WHERE m.run_id = n.run_id AND m.node_id = n.node_id)
       GROUP BY n.run_id, n.status`,
    );
  }

  /** Start or record a node: fills its pending row if it has one, else adds the next attempt. Call inside a transaction. */
  place(runId: string, nodeId: string, fields: NodeRunFields): void {
    const key = { run_id: runId, node_id: nodeId };
    const previous = this.latest.get(key);
    if (previous?.status === 'pending') {
      this.updatePending.run({ ...key, attempt: previous.attempt, ...fields });
    } else {
      this.insert.run({ ...key, attempt: (previous?.attempt ?? 0) + 1, ...fields });
    }
  }

  /** Finish the node's latest attempt; false if the node has no row in this run. */
  finish(runId: string, nodeId: string, input: FinishNodeInput, endedAt: string): boolean {
    const result = this.finishLatest.run({
      run_id: runId,
      node_id: nodeId,
      status: input.status,
      cache_hit: input.cacheHit ? 1 : 0,
      ended_at: endedAt,
      duration_ms: input.durationMs,
      rows: input.rows ?? null,
      columns: input.columns ?? null,
      error: input.error ?? null,
      reason: input.reason ?? null,
    });
    return result.changes > 0;
  }

  forRun(runId: string): NodeRunRecord[] {
    return this.forRunStatement.all(runId).map(toNodeRunRecord);
  }

  latestForFile(file: string, nodeId: string): NodeRunRecord | undefined {
    const row = this.latestForFileStatement.get(file, nodeId);
    return row ? toNodeRunRecord(row) : undefined;
  }

  countsFor(runIds: string[]): Map<string, NodeCounts> {
    const counts = new Map(runIds.map((id) => [id, emptyCounts()]));
    for (const row of this.countsStatement.all(JSON.stringify(runIds))) {
      const forRun = counts.get(row.run_id);
      if (!forRun) continue;
      forRun[row.status] = row.n;
      forRun.total += row.n;
    }
    return counts;
  }
}
