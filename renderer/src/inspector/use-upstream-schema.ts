/**
 * The columns of each connected input of a node, from the engine (`client.schema`): debounced,
 * refetched only when something upstream changes, and cancelled when the node or upstream changes.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { EngineClient } from '../api/client';
import type { ColumnInfo, PipelineDocument } from '../../../engine/contract/api';
import { upstreamKey } from './upstream';

export interface UpstreamSchema {
  inputs: Record<string, ColumnInfo[]>;
  errors: Record<string, string>;
  loading: boolean;
  /** The request itself failed (engine unreachable, …). */
  failure?: string;
}

const EMPTY: UpstreamSchema = { inputs: {}, errors: {}, loading: false };
const DEBOUNCE_MS = 250;

export function useUpstreamSchema(client: EngineClient, document: PipelineDocument, nodeId: string, path: string | undefined, hasInputs: boolean): UpstreamSchema {
  const [state, setState] = useState<UpstreamSchema>(EMPTY);
  const latestDocument = useRef(document);
  useLayoutEffect(() => {
    latestDocument.current = document;
  });
  const key = hasInputs ? upstreamKey(document, nodeId) : '';

  useEffect(() => {
    setState(EMPTY);
  }, [nodeId]);

  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      client
        .schema(latestDocument.current, nodeId, path, controller.signal)
        .then((response) => setState({ inputs: response.inputs, errors: response.errors, loading: false }))
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          setState((s) => ({ ...s, loading: false, failure: error instanceof Error ? error.message : String(error) }));
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [client, key, nodeId, path]);

  return state;
}
