/**
 * Connecting by dragging output → input: the engine's own rules (checkConnection) decide, with the
 * ports this canvas knows. A refused connection changes nothing and says why in a toast.
 */
import type { Connection, Edge, FinalConnectionState, IsValidConnection } from '@xyflow/react';
import { useCallback } from 'react';
import { checkConnection, type ConnectResult } from '../../../engine/contract/connection-rules';
import { useApp } from '../app/app-context';
import { createPortLookup } from '../store/port-lookup';

interface Ends {
  source: string;
  sourceHandle?: string | null;
  target: string;
  targetHandle?: string | null;
}

export function useConnections() {
  const { store, nodeTypes } = useApp();

  const check = useCallback(
    (c: Ends): ConnectResult => {
      const { document, validation } = store.getState();
      const lookup = createPortLookup(document, nodeTypes, validation.ports);
      return checkConnection(document, lookup, { node: c.source, port: c.sourceHandle ?? 'out' }, { node: c.target, port: c.targetHandle ?? 'in' });
    },
    [store, nodeTypes],
  );

  const isValidConnection: IsValidConnection<Edge> = useCallback((c) => check(c).ok, [check]);

  const onConnect = useCallback(
    (c: Connection) => {
      const result = check(c);
      if (!result.ok) {
        store.getState().toast(result.reason, 'error');
        return;
      }
      store.getState().apply({ kind: 'connect', from: { node: c.source, port: c.sourceHandle ?? 'out' }, to: { node: c.target, port: c.targetHandle ?? 'in' } });
    },
    [check, store],
  );

  /** A drop on a handle that refused the connection: React Flow calls no onConnect, so say why here. */
  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (!state.fromHandle || !state.toHandle || state.isValid !== false) return;
      const [from, to] = state.fromHandle.type === 'source' ? [state.fromHandle, state.toHandle] : [state.toHandle, state.fromHandle];
      if (from.type === to.type) {
        store.getState().toast(from.type === 'source' ? 'Connect an output (right side of a card) to an input (left side).' : 'Connect an input (left side) to an output (right side of another card).', 'error');
        return;
      }
      const result = check({ source: from.nodeId, sourceHandle: from.id, target: to.nodeId, targetHandle: to.id });
      if (!result.ok) store.getState().toast(result.reason, 'error');
    },
    [check, store],
  );

  return { isValidConnection, onConnect, onConnectEnd };
}
