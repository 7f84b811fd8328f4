/** A train node's stored history (its `history` output), for when no live curve is on hand. */
import { useEffect, useState } from 'react';
import type { EngineClient } from '../api/client';
import type { PipelineDocument } from '../../../engine/contract/api';
import { describeError, isAbort, type PanelError } from './panel-error';
import { seriesFromHistory, type TrainingSeries } from './training-series';

export type HistoryState = { status: 'idle' | 'loading' } | { status: 'done'; series: TrainingSeries } | { status: 'error'; error: PanelError };

/** More epochs than anyone plots. */
const HISTORY_LIMIT = 10_000;

export function useTrainingHistory(
  client: EngineClient,
  documentRef: { readonly current: PipelineDocument },
  path: string | undefined,
  nodeId: string | null,
  key: string | null,
  enabled: boolean,
): HistoryState {
  const [state, setState] = useState<{ key: string; value: HistoryState } | null>(null);

  useEffect(() => {
    if (!enabled || nodeId === null || key === null) return;
    const controller = new AbortController();
    setState({ key, value: { status: 'loading' } });
    client.preview({ document: documentRef.current, path, node: nodeId, port: 'history', offset: 0, limit: HISTORY_LIMIT }, controller.signal).then(
      (response) => {
        if (!controller.signal.aborted) setState({ key, value: { status: 'done', series: seriesFromHistory(response.columns, response.rows) } });
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbort(error)) setState({ key, value: { status: 'error', error: describeError(error, nodeId) } });
      },
    );
    return () => controller.abort();
  }, [client, documentRef, path, nodeId, key, enabled]);

  return state !== null && state.key === key ? state.value : { status: enabled ? 'loading' : 'idle' };
}
