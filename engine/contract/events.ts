/**
 * Engine events and run results: types only, no Node or DOM dependencies, so the CLI, the UI
 * server and the renderer all derive their types from this one module.
 */
import type { QualityReport, TrainingProgress } from '../../nodes/node-definition.js';

export type NodeStatus = 'pending' | 'running' | 'done' | 'cached' | 'failed' | 'skipped' | 'cancelled';
export type RunStatus = 'running' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted';

export interface NodeRunSummary {
  nodeId: string;
  nodeType: string;
  status: NodeStatus;
  /** Why it ran (`params changed`, `not run before`) or why it did not (`unchanged`, `upstream failed`). */
  reason: string;
  rows?: number;
  columns?: number;
  /** Rows per output port, for nodes with several outputs (split). */
  outputRows?: Record<string, number>;
  durationMs?: number;
  error?: string;
  /** Data-quality checks that failed, when the node is a quality node. */
  failedChecks?: number;
  warnings?: string[];
  /**
   * Set when this node was computed inside that node's query and its output not kept in the
   * cache (engine/execute/fusion-plan.ts): its rows are then not counted, and a preview computes it.
   */
  fusedInto?: string;
}

export interface RunSummary {
  runId: string;
  status: RunStatus;
  startedAt: string;
  durationMs: number;
  nodes: NodeRunSummary[];
  error?: string;
}

export type EngineEvent =
  | {
      type: 'run-started';
      runId: string;
      pipeline: string;
      /** The pipeline file, when the pipeline came from one. */
      file?: string;
      target?: string;
      nodes: { nodeId: string; nodeType: string; fingerprint: string }[];
    }
  | { type: 'node-status'; runId: string; node: NodeRunSummary }
  | { type: 'node-progress'; runId: string; nodeId: string; percentage: number; rowsProcessed?: number }
  | { type: 'log'; runId: string; nodeId?: string; level: 'info' | 'warn' | 'error'; message: string }
  | { type: 'quality'; runId: string; nodeId: string; report: QualityReport }
  | { type: 'training-progress'; runId: string; nodeId: string; progress: TrainingProgress }
  | {
      type: 'model-registered';
      runId: string;
      nodeId: string;
      artifactDir: string;
      params: unknown;
      metrics: Record<string, number | null>;
      device: string;
      dataFingerprint: string;
    }
  | { type: 'run-finished'; summary: RunSummary };

export type EngineEventListener = (event: EngineEvent) => void;
