/** The selected node's log and data-quality results from the run history, fetched while the Log tab is open. */
import { useEffect, useState } from 'react';
import type { EngineClient } from '../api/client';
import { describeError, type PanelError } from './panel-error';
import { findNodeLog, type NodeLogResult } from './run-log';

export type RunLogState = { status: 'idle' | 'loading' } | { status: 'done'; result: NodeLogResult } | { status: 'error'; error: PanelError };

export function useRunLog(client: EngineClient, path: string | undefined, nodeId: string | null, runVersion: number, enabled: boolean): RunLogState {
  const [state, setState] = useState<{ key: string; node: string; value: RunLogState } | null>(null);
  const node = `${path ?? ''}\u0000${nodeId ?? ''}`;
  const key = `${node}\u0000${runVersion}`;

  useEffect(() => {
    if (!enabled || nodeId === null) return;
    let live = true;
    client
      .listRuns(path)
      .then((list) => findNodeLog(list.runs, nodeId, (id) => client.getRun(id)))
      .then(
        (result) => live && setState({ key, node, value: { status: 'done', result } }),
        (error: unknown) => live && setState({ key, node, value: { status: 'error', error: describeError(error, nodeId) } }),
      );
    return () => {
      live = false;
    };
  }, [client, path, nodeId, enabled, key, node]);

  if (state?.key === key) return state.value;
  // After a run, the old log stays up until the new one is in: no flash of "loading".
  if (state?.node === node && state.value.status === 'done') return state.value;
  return { status: enabled ? 'loading' : 'idle' };
}
