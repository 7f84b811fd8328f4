/**
 * <RunHistory>: the runs of this pipeline from the run store, newest first. Expanding a run shows
 * each node's status, why it ran, rows, time and error, the data-quality results and the log.
 * Polls while open (fast while a run is going), and refetches when `refreshKey` changes.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { EngineClient } from '../api/client';
import type { RunDetailsResponse, RunRecord } from '../../../engine/contract/api';
import { countsSummary, formatDuration, formatStartTime, runDurationMs, statusLook } from './run-format';
import { RunDetailsView } from './RunDetailsView';
import './runs.css';

export interface RunHistoryProps {
  client: EngineClient;
  path: string | undefined;
  onClose: () => void;
  /** Change it (e.g. on a run-finished event) to refetch at once. */
  refreshKey?: unknown;
}

const FAST_POLL_MS = 1500;
const SLOW_POLL_MS = 10_000;

export function RunHistory({ client, path, onClose, refreshKey }: RunHistoryProps) {
  const [runs, setRuns] = useState<RunRecord[] | null>(null);
  const [failure, setFailure] = useState<string>();
  const [expanded, setExpanded] = useState<string | null>(null);
  const [details, setDetails] = useState<Record<string, RunDetailsResponse>>({});
  const [now, setNow] = useState(() => Date.now());
  const expandedRef = useRef(expanded);
  const detailsRef = useRef(details);
  useLayoutEffect(() => {
    expandedRef.current = expanded;
    detailsRef.current = details;
  });

  const loadDetails = useCallback(
    (id: string) =>
      client
        .getRun(id)
        .then((d) => setDetails((all) => ({ ...all, [id]: d })))
        .catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error))),
    [client],
  );

  const refresh = useCallback(async () => {
    try {
      const response = await client.listRuns(path);
      setRuns(response.runs);
      setFailure(undefined);
      setNow(Date.now());
      const open = expandedRef.current;
      const openRun = response.runs.find((r) => r.id === open);
      if (open && openRun) {
        // Refetch the open run's details while it runs, and once when it finishes.
        const shown = detailsRef.current[open];
        if (!shown || shown.run.status !== openRun.status || openRun.status === 'running') void loadDetails(open);
      }
      return response.runs;
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      return undefined;
    }
  }, [client, path, loadDetails]);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      const list = await refresh();
      if (stopped) return;
      const busy = list?.some((r) => r.status === 'running');
      timer = setTimeout(() => void tick(), busy ? FAST_POLL_MS : SLOW_POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [refresh, refreshKey]);

  const toggle = (id: string) => {
    const next = expanded === id ? null : id;
    setExpanded(next);
    if (next) void loadDetails(next);
  };

  return (
    <section
      className="run-history"
      data-testid="run-history"
      aria-label="Run history"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <header className="run-history-head">
        <h2>Run history</h2>
        <button type="button" className="run-history-button" title="Refresh" aria-label="Refresh" data-testid="run-history-refresh" onClick={() => void refresh()}>
          ↻
        </button>
        <button type="button" className="run-history-button" title="Close (Esc)" aria-label="Close run history" data-testid="run-history-close" onClick={onClose}>
          ×
        </button>
      </header>
      {failure && <div className="run-history-failure">Could not load runs: {failure}</div>}
      {runs === null && !failure && <div className="run-history-empty">Loading…</div>}
      {runs?.length === 0 && <div className="run-history-empty">No runs yet. Run the pipeline (toolbar ▶) and its runs appear here.</div>}
      <ol className="run-list">
        {runs?.map((run) => {
          const look = statusLook(run.status);
          const open = expanded === run.id;
          return (
            <li key={run.id} className={`run run-${run.status}${open ? ' open' : ''}`} data-testid="run-row" data-status={run.status}>
              <button type="button" className="run-summary" aria-expanded={open} onClick={() => toggle(run.id)} title={open ? 'Hide details' : 'Show each node, quality checks and the log'}>
                <span className={`run-icon status-${run.status}`} title={look.label} aria-label={look.label}>
                  {look.icon}
                </span>
                <span className="run-time" title={new Date(run.startedAt).toLocaleString()}>
                  {formatStartTime(run.startedAt, new Date(now))}
                </span>
                <span className="run-duration">{formatDuration(runDurationMs(run, now))}</span>
                <span className="run-counts">{countsSummary(run.counts)}</span>
                {run.targetNode && <span className="run-target" title={`Ran only what ${run.targetNode} needs`}>→ {run.targetNode}</span>}
              </button>
              {run.error && !open && <div className="run-error-preview">{run.error}</div>}
              {open && <RunDetailsView run={run} details={details[run.id]} />}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
