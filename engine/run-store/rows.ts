/** The shapes SQLite hands back (snake_case, 0/1 for booleans, JSON as text) and their mapping to records. */
import type { JsonValue } from '../../nodes/node-definition.js';
import {
  NODE_RUN_STATUSES,
  type LogEntry,
  type LogLevel,
  type NodeCounts,
  type NodeRunRecord,
  type NodeRunStatus,
  type QualityResultRecord,
  type RunRecord,
  type RunStatus,
} from './types.js';

export interface RunRow {
  id: string;
  pipeline_name: string;
  pipeline_file: string;
  target_node: string | null;
  status: RunStatus;
  started_at: string;
  ended_at: string | null;
  error: string | null;
  pid: number;
  host: string;
  process_marker: string | null;
}

export interface NodeRunRow {
  run_id: string;
  node_id: string;
  attempt: number;
  node_type: string;
  status: NodeRunStatus;
  cache_hit: number;
  reason: string | null;
  fingerprint: string | null;
  started_at: string;
  ended_at: string | null;
  duration_ms: number | null;
  rows: number | null;
  columns: number | null;
  error: string | null;
}

export interface QualityRow {
  run_id: string;
  node_id: string;
  check: string;
  column: string | null;
  passed: number;
  detail: string;
  failing_rows: number | null;
  examples: string | null;
  value: number | null;
}

export interface LogRow {
  id: number;
  run_id: string;
  node_id: string | null;
  time: string;
  level: LogLevel;
  message: string;
}

export interface StatusCountRow {
  run_id: string;
  status: NodeRunStatus;
  n: number;
}

export function emptyCounts(): NodeCounts {
  const counts = { total: 0 } as NodeCounts;
  for (const status of NODE_RUN_STATUSES) counts[status] = 0;
  return counts;
}

export function toRunRecord(row: RunRow, counts: NodeCounts): RunRecord {
  return {
    id: row.id,
    pipelineName: row.pipeline_name,
    pipelineFile: row.pipeline_file,
    targetNode: row.target_node,
    status: row.status,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    error: row.error,
    pid: row.pid,
    host: row.host,
    counts,
  };
}

export function toNodeRunRecord(row: NodeRunRow): NodeRunRecord {
  return {
    runId: row.run_id,
    nodeId: row.node_id,
    nodeType: row.node_type,
    status: row.status,
    cacheHit: row.cache_hit === 1,
    reason: row.reason,
    fingerprint: row.fingerprint,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    durationMs: row.duration_ms,
    rows: row.rows,
    columns: row.columns,
    error: row.error,
    attempt: row.attempt,
  };
}

export function toQualityRecord(row: QualityRow): QualityResultRecord {
  return {
    runId: row.run_id,
    nodeId: row.node_id,
    check: row.check,
    column: row.column,
    passed: row.passed === 1,
    detail: row.detail,
    failingRows: row.failing_rows,
    examples: row.examples === null ? null : (JSON.parse(row.examples) as JsonValue[]),
    value: row.value,
  };
}

export function toLogEntry(row: LogRow): LogEntry {
  return { id: row.id, runId: row.run_id, nodeId: row.node_id, time: row.time, level: row.level, message: row.message };
}
