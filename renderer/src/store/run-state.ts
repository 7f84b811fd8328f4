/**
 * Per-node run status, folded from engine events by a pure reducer. Events of runs this window did
 * not start are ignored; events that arrive before `client.run()` answers with the run id are held
 * and replayed once the id is known.
 */
import type { EngineEvent, NodeRunSummary } from '../../../engine/contract/events';

export type NodePhase = 'idle' | 'queued' | 'running' | 'done' | 'cached' | 'failed' | 'skipped' | 'cancelled';

export interface NodeRunState {
  phase: NodePhase;
  /** 0–100 while running, when the engine reports it. */
  progress?: number;
  rows?: number;
  columns?: number;
  outputRows?: Record<string, number>;
  durationMs?: number;
  error?: string;
  reason?: string;
  /** Computed inside this node's query and not kept in the cache (no row count of its own). */
  fusedInto?: string;
  /** Signature of the node when this result was computed (see run-signatures.ts). */
  signature?: string;
}

export interface RunState {
  runId: string | null;
  running: boolean;
  /** Target of the current run, when it runs to one node. */
  target?: string;
  nodes: Record<string, NodeRunState>;
  /** Signatures of the document the current run was started with. */
  runSignatures: Record<string, string>;
  /** Bumped when a run finishes, so data panels reload. */
  version: number;
  /** Status line of the last finished run ("succeeded in 1.2 s", "failed: …"). */
  lastOutcome?: { status: string; durationMs: number; error?: string };
  /** A run request was sent and has not answered yet. */
  requesting: boolean;
  /** Events that came while requesting: they may belong to the run being started. */
  held: EngineEvent[];
}

export const initialRunState: RunState = { runId: null, running: false, requesting: false, nodes: {}, runSignatures: {}, version: 0, held: [] };

const HELD_LIMIT = 5000;

function eventRunId(event: EngineEvent): string {
  return event.type === 'run-finished' ? event.summary.runId : event.runId;
}

function fromSummary(node: NodeRunSummary, signature: string | undefined, previous: NodeRunState | undefined): NodeRunState {
  const phase: NodePhase = node.status === 'pending' ? 'queued' : node.status;
  // Skipped/cancelled nodes keep the last result they had, if any, so its rows still show.
  if ((phase === 'skipped' || phase === 'cancelled') && previous && (previous.phase === 'done' || previous.phase === 'cached')) {
    return { ...previous, reason: node.reason };
  }
  return {
    phase,
    rows: node.rows,
    columns: node.columns,
    outputRows: node.outputRows,
    durationMs: node.durationMs,
    error: node.error,
    reason: node.reason,
    fusedInto: node.fusedInto,
    signature: phase === 'done' || phase === 'cached' || phase === 'failed' ? signature : previous?.signature,
  };
}

/** A run request is on its way: hold events until its id is known. */
export function requestRun(state: RunState): RunState {
  return { ...state, requesting: true, held: [] };
}

/** The engine started the run this window asked for: remember what it ran, replay the events that came first. */
export function startRun(state: RunState, runId: string, signatures: Record<string, string>, target?: string): RunState {
  const held = state.held.filter((e) => eventRunId(e) === runId);
  let next: RunState = { ...state, runId, running: true, requesting: false, target, runSignatures: signatures, held: [] };
  for (const event of held) next = applyRunEvent(next, event);
  return next;
}

export function applyRunEvent(state: RunState, event: EngineEvent): RunState {
  const runId = eventRunId(event);
  if (runId !== state.runId) {
    // Not (yet) ours: hold it while our run request has not answered, else ignore it (another window's run).
    return state.requesting ? { ...state, held: [...state.held, event].slice(-HELD_LIMIT) } : state;
  }
  switch (event.type) {
    case 'run-started': {
      const nodes = { ...state.nodes };
      for (const n of event.nodes) nodes[n.nodeId] = { ...nodes[n.nodeId], phase: 'queued', progress: undefined, error: undefined };
      return { ...state, nodes };
    }
    case 'node-status': {
      const id = event.node.nodeId;
      return { ...state, nodes: { ...state.nodes, [id]: fromSummary(event.node, state.runSignatures[id], state.nodes[id]) } };
    }
    case 'node-progress': {
      const current = state.nodes[event.nodeId];
      if (!current || current.phase !== 'running') return state;
      return { ...state, nodes: { ...state.nodes, [event.nodeId]: { ...current, progress: Math.max(0, Math.min(100, event.percentage)) } } };
    }
    case 'run-finished': {
      const nodes = { ...state.nodes };
      // Nodes still queued or running when the run ends did not run (cancelled, or upstream failed).
      for (const [id, n] of Object.entries(nodes)) if (n.phase === 'queued' || n.phase === 'running') nodes[id] = { ...n, phase: 'idle', progress: undefined };
      const { status, durationMs, error } = event.summary;
      return { ...state, nodes, running: false, version: state.version + 1, lastOutcome: { status, durationMs, error }, held: [] };
    }
    default:
      return state;
  }
}

/** A run request failed before the engine started it. */
export function runRequestFailed(state: RunState, error: string): RunState {
  return { ...state, running: false, requesting: false, lastOutcome: { status: 'failed', durationMs: 0, error }, held: [] };
}

/** Keeps a node's status when it is renamed. */
export function renameRunNode(state: RunState, from: string, to: string): RunState {
  const node = state.nodes[from];
  if (!node || from === to) return state;
  const { [from]: _moved, ...rest } = state.nodes;
  return { ...state, nodes: { ...rest, [to]: node } };
}

export type DisplayPhase = NodePhase | 'stale';

export interface NodeDisplayStatus extends NodeRunState {
  display: DisplayPhase;
}

/** What each card shows: a finished or failed result whose signature no longer matches is stale. */
export function displayStatuses(nodes: Record<string, NodeRunState>, current: Record<string, string>): Record<string, NodeDisplayStatus> {
  const out: Record<string, NodeDisplayStatus> = {};
  for (const [id, state] of Object.entries(nodes)) {
    const settled = state.phase === 'done' || state.phase === 'cached' || state.phase === 'failed';
    const stale = settled && state.signature !== undefined && current[id] !== undefined && state.signature !== current[id];
    out[id] = { ...state, display: stale ? 'stale' : state.phase };
  }
  return out;
}
