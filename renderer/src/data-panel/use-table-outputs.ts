/**
 * The selected node's table outputs. For node types whose outputs follow their params (split),
 * asks the engine (validate) what they resolve to, so renamed parts show up in the switcher.
 */
import { useEffect, useMemo, useState } from 'react';
import type { EngineClient } from '../api/client';
import type { PipelineDocument } from '../../../engine/contract/api';
import type { NodeTypeJson } from '../../../nodes/catalogue-json';
import { tableOutputs, type PortChoice } from './node-ports';

export function useTableOutputs(
  client: EngineClient,
  documentRef: { readonly current: PipelineDocument },
  path: string | undefined,
  nodeId: string | null,
  nodeType: NodeTypeJson | undefined,
  /** Changes when the node's params (or anything upstream) change. */
  key: string | null,
): PortChoice[] {
  const [resolved, setResolved] = useState<{ key: string; ports: { name: string; type: string }[] } | null>(null);
  const dynamic = nodeType?.dynamicOutputs === true;

  useEffect(() => {
    if (!dynamic || nodeId === null || key === null) return;
    let live = true;
    client.validate(documentRef.current, path).then(
      (response) => {
        const ports = response.ports[nodeId]?.outputs;
        if (live && ports) setResolved({ key, ports });
      },
      () => undefined, // the catalogue's ports stand in; the preview will report what is wrong
    );
    return () => {
      live = false;
    };
  }, [client, documentRef, path, nodeId, key, dynamic]);

  const ports = resolved && resolved.key === key ? resolved.ports : undefined;
  return useMemo(() => tableOutputs(nodeType, ports), [nodeType, ports]);
}
