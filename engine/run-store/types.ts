/**
 * The records the run store keeps and hands back. Every time is an ISO 8601 UTC string
 * (`Date.prototype.toISOString()`, e.g. `2026-11-26T14:03:07.512Z`): readable in the sqlite3
 * shell, sortable as text, and JSON-ready for the API. Durations are milliseconds.
 */
import type { JsonValue } from '../../nodes/node-definition.js';

export const RUN_STATUSES = ['running', 'succeeded', 'failed', 'cancelled', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export type FinishedRunStatus = Exclude<RunStatus, 'running'>;

export const NODE_RUN_STATUSES = ['pending', 'running', 'done', 'cached', 'failed', 'skipped', 'cancelled'] as const;
export type NodeRunStatus = (typeof NODE_RUN_STATUSES)[number];
export type FinishedNodeStatus = Exclude<NodeRunStatus, 'pending' | 'running'>;

export const LOG_LEVELS = ['info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** How many of a run's nodes are in each status (computed from its node runs, latest attempt). */
export type NodeCounts = Record<NodeRunStatus, number> & { total: number };

export interface RunRecord {
  id: string;
  pipelineName: string;
  pipelineFile: string;
  /** The node a `run --node ID` stopped at; null for a whole-pipeline run. */
  targetNode: string | null;
  status: RunStatus;
  startedAt: string;
  endedAt: string | null;
  error: string | null;
  pid: number;
  host: string;
  counts: NodeCounts;
}

export interface NodeRunRecord {
  runId: string;
  nodeId: string;
  nodeType: string;
  status: NodeRunStatus;
  cacheHit: boolean;
  /** Why it ran or why it was cached: 'params changed', 'no cached output', 'input changed', ... */
  reason: string | null;
  fingerprint: string | null;
  startedAt: string;
  endedAt: string | null;
  durationMs: number | null;
  rows: number | null;
  /** Number of output columns. */
  columns: number | null;
  error: string | null;
  /** 1 for the first try; retries add rows with 2, 3, ... */
  attempt: number;
}

export interface QualityResultRecord {
  runId: string;
  nodeId: string;
  check: string;
  column: string | null;
  passed: boolean;
  detail: string;
  failingRows: number | null;
  examples: JsonValue[] | null;
  value: number | null;
}

export interface LogEntry {
  id: number;
  runId: string;
  nodeId: string | null;
  time: string;
  level: LogLevel;
  message: string;
}

export interface RunDetails {
  run: RunRecord;
  nodes: NodeRunRecord[];
  quality: QualityResultRecord[];
}

export interface StartRunInput {
  /** The id the engine already gave the run (in its events); a new UUID when left out. */
  id?: string;
  pipelineName: string;
  /** The pipeline file's path, as the host knows it (used to find a file's earlier runs). */
  file: string;
  target?: string | null;
}

export interface StartNodeInput {
  nodeId: string;
  nodeType: string;
  fingerprint: string | null;
  reason: string | null;
}

export interface FinishNodeInput {
  status: FinishedNodeStatus;
  cacheHit: boolean;
  durationMs: number;
  rows?: number | null;
  columns?: number | null;
  error?: string | null;
  /** Replaces the reason given at start (a step that started, then was skipped or found cached). */
  reason?: string | null;
}

/** A node recorded without running it: cached, skipped (upstream failed), or pending (planned). */
export interface RecordedNode {
  nodeId: string;
  nodeType: string;
  status: 'cached' | 'skipped' | 'pending';
  fingerprint?: string | null;
  reason?: string | null;
  rows?: number | null;
  columns?: number | null;
}

export interface ListRunsOptions {
  limit?: number;
  pipelineFile?: string;
}

export interface MetricInput {
  epoch: number;
  step?: number | null;
  name: string;
  value: number;
}

export interface MetricRecord extends Required<MetricInput> {
  runId: string;
  nodeId: string;
  time: string;
}

export interface ModelInput {
  runId: string;
  nodeId: string;
  params: Record<string, JsonValue>;
  dataFingerprint: string | null;
  metrics: Record<string, number>;
  artifactPath: string;
  /** The device the worker reported, e.g. 'cpu', 'cuda:0'. */
  device: string;
}

export interface ModelRecord extends ModelInput {
  id: string;
  createdAt: string;
}

export interface ListModelsOptions {
  runId?: string;
  nodeId?: string;
  limit?: number;
}
