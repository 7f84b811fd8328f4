/**
 * The paged preview of the selected node output. A new node shows placeholders at once; a
 * refetch of the same node (a run finished, an upstream param changed) keeps the old rows on
 * screen until the new ones arrive, and loads the rows in view first.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { EngineClient } from '../api/client';
import type { PipelineDocument } from '../../../engine/contract/api';
import { PreviewPager } from './preview-pager';

export interface PreviewTarget {
  path: string | undefined;
  nodeId: string;
  port: string | undefined;
}

export interface PreviewHandle {
  /** The fetch key the pager belongs to (it may lag behind while a refetch loads). */
  key: string;
  pager: PreviewPager;
}

const noSubscribe = () => () => undefined;

export function usePreview(
  client: EngineClient,
  documentRef: { readonly current: PipelineDocument },
  target: PreviewTarget | null,
  key: string | null,
): { handle: PreviewHandle | null; version: number; reportRange: (first: number, last: number) => void } {
  const [handle, setHandle] = useState<PreviewHandle | null>(null);
  const range = useRef<[number, number]>([0, 60]);
  const source = useRef<string | null>(null);
  const targetRef = useRef(target);
  targetRef.current = target;

  useEffect(() => {
    const t = targetRef.current;
    if (key === null || t === null) {
      source.current = null;
      setHandle(null);
      return;
    }
    const sourceKey = `${t.nodeId}\u0000${t.port ?? ''}`;
    const sameSource = source.current === sourceKey;
    source.current = sourceKey;
    if (!sameSource) range.current = [0, 60];
    const pager = new PreviewPager((offset, limit, signal) =>
      client.preview({ document: documentRef.current, path: t.path, node: t.nodeId, port: t.port, offset, limit }, signal),
    );
    const next = { key, pager };
    let unsubscribe = () => {};
    if (!sameSource) setHandle(next);
    else {
      unsubscribe = pager.subscribe(() => {
        if (pager.columns !== null || pager.error !== null) {
          unsubscribe();
          setHandle(next);
        }
      });
    }
    pager.show(range.current[0], range.current[1]);
    return () => {
      unsubscribe();
      pager.dispose();
    };
  }, [client, documentRef, key]);

  const pager = handle?.pager;
  const version = useSyncExternalStore(pager?.subscribe ?? noSubscribe, pager?.getVersion ?? (() => 0));
  const reportRange = useCallback(
    (first: number, last: number) => {
      range.current = [first, last];
      pager?.show(first, last);
    },
    [pager],
  );
  return { handle, version, reportRange };
}
