/** Live training curves and log lines per node, from the engine's event stream. */
import { useEffect, useReducer, useRef } from 'react';
import type { EngineEvent } from '../../../engine/contract/api';
import { reduceLogEvent, type LiveLogs } from './live-logs';
import { reduceTrainingEvent, type LiveTraining } from './training-series';

export type EventSource = (listener: (event: EngineEvent) => void) => () => void;

interface Live {
  training: LiveTraining;
  logs: LiveLogs;
}

function reduce(state: Live, event: EngineEvent): Live {
  const training = reduceTrainingEvent(state.training, event);
  const logs = reduceLogEvent(state.logs, event);
  return training === state.training && logs === state.logs ? state : { training, logs };
}

export function useLiveEvents(events: EventSource): Live {
  const [state, dispatch] = useReducer(reduce, { training: {}, logs: {} });
  // Subscribe once: a new `events` function every render must not reopen the event stream.
  const source = useRef(events);
  useEffect(() => source.current(dispatch), []);
  return state;
}
