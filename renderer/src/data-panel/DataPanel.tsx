/**
 * The data panel: the selected node's rows (whole output, virtualised), column profiles, log and
 * quality results, and training curves. Rows come first, then a profile of a sample, then the
 * full profile; everything in flight for a node is cancelled when another is selected.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { EngineClient } from '../api/client';
import type { PipelineDocument } from '../../../engine/contract/api';
import type { NodeTypeJson } from '../../../nodes/catalogue-json';
import { DataTab } from './DataTab';
import { headerSummary, type HeaderSummary } from './header-summary';
import { LogTab } from './LogTab';
import { defaultPort } from './node-ports';
import { PanelHint } from './PanelMessage';
import { PanelTabs, type TabId } from './PanelTabs';
import { PortSwitcher } from './PortSwitcher';
import { ProfileTab } from './ProfileTab';
import { profileNote } from './ProfileNote';
import { TrainingTab } from './TrainingTab';
import { upstreamKey } from './upstream-key';
import { useLiveEvents, type EventSource } from './use-live-events';
import { usePreview, type PreviewTarget } from './use-preview';
import { useProfile } from './use-profile';
import { useRunLog } from './use-run-log';
import { useSettledKey } from './use-settled-key';
import { useTableOutputs } from './use-table-outputs';
import { useTrainingHistory } from './use-training-history';
import './data-panel.css';

export interface DataPanelProps {
  client: EngineClient;
  document: PipelineDocument;
  /** The pipeline file (relative to the served folder), so relative source paths resolve. */
  path: string | undefined;
  nodeId: string | null;
  nodeType: NodeTypeJson | undefined;
  /** Bumped when a run finishes: the panel refetches. */
  runVersion: number;
  /** Engine events (subscribed once, on mount). Returns an unsubscribe function. */
  events: EventSource;
  /** Offered on nodes whose output needs a run first (training): runs the pipeline up to the node. */
  onRunToHere?: (nodeId: string) => void;
}

const NO_LINES: never[] = [];

export function DataPanel({ client, document, path, nodeId: selected, nodeType, runVersion, events, onRunToHere }: DataPanelProps) {
  const nodeId = selected !== null && document.nodes.some((n) => n.id === selected) ? selected : null;
  const documentRef = useRef(document);
  documentRef.current = document;
  const [tab, setTab] = useState<TabId>('data');
  const [pickedPorts, setPickedPorts] = useState<Record<string, string>>({});
  const live = useLiveEvents(events);

  const upstream = useMemo(() => (nodeId === null ? null : upstreamKey(document, nodeId, path)), [document, nodeId, path]);
  const ports = useTableOutputs(client, documentRef, path, nodeId, nodeType, upstream);
  const port = defaultPort(ports, nodeId === null ? undefined : pickedPorts[nodeId]);
  // A new node, port or run refetches at once; param edits upstream wait for typing to pause.
  const identity = nodeId === null ? null : `${nodeId}\u0000${port ?? ''}\u0000${runVersion}`;
  const key = useSettledKey(upstream === null ? null : `${upstream}\u0000${port ?? ''}\u0000${runVersion}`, identity);
  const target = useMemo<PreviewTarget | null>(() => (nodeId === null ? null : { path, nodeId, port }), [path, nodeId, port]);

  const { handle, version, reportRange } = usePreview(client, documentRef, target, key);
  const pager = handle?.pager ?? null;
  const current = handle !== null && handle.key === key;
  const count = pager?.rowCount();
  const profile = useProfile(client, documentRef, target, key, current && pager?.columns != null, count?.exact ? count.rows : null);

  // The profile counts rows even when the preview could not (a live, uncached output).
  const profiledRows = profile.profile && profile.key === handle?.key ? profile.profile.rowCount : null;
  useEffect(() => {
    if (pager && profiledRows !== null) pager.setTotalRows(profiledRows);
  }, [pager, profiledRows]);

  const summaries = useMemo(() => new Map<string, HeaderSummary>((profile.profile?.columns ?? []).map((c) => [c.name, headerSummary(c)])), [profile.profile]);

  const isTrain = nodeType?.type === 'train';
  const tabs: TabId[] = isTrain ? ['data', 'profile', 'log', 'training'] : ['data', 'profile', 'log'];
  const activeTab = tabs.includes(tab) ? tab : 'data';
  const liveSeries = nodeId === null ? undefined : live.training[nodeId];
  const history = useTrainingHistory(client, documentRef, path, nodeId, key, activeTab === 'training' && isTrain && !liveSeries);
  // The run history also explains a missing output (the node failed or was skipped last time).
  const runLog = useRunLog(client, path, nodeId, runVersion, activeTab === 'log' || pager?.error != null || history.status === 'error');
  const lastRun = runLog.status === 'done' ? runLog.result.latest : null;

  if (nodeId === null) {
    return (
      <section className="dp-panel" data-testid="data-panel" aria-label="Data panel">
        <PanelHint>
          Select a node to see its data.
          <span className="dp-muted"> Its rows, a profile of every column, its log and quality checks appear here.</span>
        </PanelHint>
      </section>
    );
  }

  const blocked = pager?.error ? 'rows-failed' : !current || !pager?.columns ? 'rows-loading' : null;
  return (
    <section className="dp-panel" data-testid="data-panel" aria-label={`Data of ${nodeId}`}>
      <PanelTabs tabs={tabs} active={activeTab} onChange={setTab}>
        <span className="dp-node-name" title={nodeType ? `${nodeType.label} (${nodeType.type})` : undefined}>
          <code>{nodeId}</code>
          {nodeType && <span className="dp-muted"> {nodeType.type}</span>}
        </span>
        {ports.length > 1 && (activeTab === 'data' || activeTab === 'profile') && (
          <PortSwitcher ports={ports} value={port} onChange={(p) => setPickedPorts((prev) => ({ ...prev, [nodeId]: p }))} />
        )}
      </PanelTabs>
      <div className="dp-tabpanel" id="dp-tabpanel" role="tabpanel" aria-labelledby={`dp-tab-${activeTab}`}>
        {activeTab === 'data' && (
          <DataTab
            key={`${nodeId}\u0000${port ?? ''}`}
            pager={pager}
            version={version}
            nodeId={nodeId}
            summaries={summaries}
            profileNote={profileNote(profile)}
            onRange={reportRange}
            onRunToHere={onRunToHere}
            lastRun={lastRun}
          />
        )}
        {activeTab === 'profile' && <ProfileTab key={nodeId} state={profile} nodeId={nodeId} blocked={blocked} onRunToHere={onRunToHere} />}
        {activeTab === 'log' && <LogTab state={runLog} live={live.logs[nodeId] ?? NO_LINES} nodeId={nodeId} />}
        {activeTab === 'training' && <TrainingTab live={liveSeries} history={history} nodeId={nodeId} onRunToHere={onRunToHere} lastRun={lastRun} />}
      </div>
    </section>
  );
}
