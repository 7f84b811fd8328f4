/**
 * Log lines that arrive over the event stream while a run is going, per node, so the Log tab
 * shows them before the run store has them. A run that starts a node clears its old lines.
 */
import type { EngineEvent } from '../../../engine/contract/api';

export interface LiveLogLine {
  runId: string;
  level: 'info' | 'warn' | 'error';
  message: string;
}

export type LiveLogs = Readonly<Record<string, readonly LiveLogLine[]>>;

/** Enough for a chatty training node; older lines are in the run store. */
export const MAX_LIVE_LINES = 500;

export function reduceLogEvent(state: LiveLogs, event: EngineEvent): LiveLogs {
  if (event.type === 'run-started') {
    const started = new Set(event.nodes.map((n) => n.nodeId));
    if (!Object.keys(state).some((id) => started.has(id))) return state;
    return Object.fromEntries(Object.entries(state).filter(([id]) => !started.has(id)));
  }
  if (event.type === 'log' && event.nodeId !== undefined) {
    const lines = [...(state[event.nodeId] ?? []), { runId: event.runId, level: event.level, message: event.message }];
    return { ...state, [event.nodeId]: lines.slice(-MAX_LIVE_LINES) };
  }
  return state;
}
