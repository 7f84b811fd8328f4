/**
 * One connection to the engine's event stream, shared by every part of the window (the run
 * status and the data panel's live logs and curves) instead of one WebSocket each.
 */
import type { EngineClient } from '../api/client';
import type { EngineEvent } from '../../../engine/contract/events';

export type Subscribe = EngineClient['subscribe'];

export interface EventHub {
  subscribe: Subscribe;
  close(): void;
}

export function createEventHub(connect: Subscribe): EventHub {
  const listeners = new Set<(event: EngineEvent) => void>();
  const watchers = new Set<(open: boolean) => void>();
  let open = false;
  let disconnect: (() => void) | undefined;

  return {
    subscribe(listener, onConnection) {
      listeners.add(listener);
      if (onConnection) {
        watchers.add(onConnection);
        if (open) onConnection(true);
      }
      disconnect ??= connect(
        (event) => {
          for (const l of [...listeners]) l(event);
        },
        (isOpen) => {
          open = isOpen;
          for (const w of [...watchers]) w(isOpen);
        },
      );
      return () => {
        listeners.delete(listener);
        if (onConnection) watchers.delete(onConnection);
      };
    },
    close() {
      disconnect?.();
      disconnect = undefined;
      listeners.clear();
      watchers.clear();
    },
  };
}
