/** The Log tab: the node's log lines and data-quality results from the last run that included it, plus live lines. */
import type { LiveLogLine } from './live-logs';
import { formatCount, formatDuration } from './format';
import { ErrorMessage, PanelHint } from './PanelMessage';
import { QualityResults } from './QualityResults';
import type { NodeLog } from './run-log';
import type { RunLogState } from './use-run-log';

export interface LogTabProps {
  state: RunLogState;
  live: readonly LiveLogLine[];
  nodeId: string;
}

export function LogTab({ state, live, nodeId }: LogTabProps) {
  if (state.status === 'error') {
    return (
      <div className="dp-tab-body dp-scroll">
        <ErrorMessage error={state.error} nodeId={nodeId} />
      </div>
    );
  }
  if (state.status !== 'done') return <PanelHint>Loading the run history…</PanelHint>;
  const { latest, ran } = state.result;
  const shown = ran ?? latest;
  const liveLines = live.filter((l) => l.runId !== shown?.run.id);
  if (!shown && liveLines.length === 0) return <PanelHint>This node has not run yet. Run the pipeline to see its log and data-quality results.</PanelHint>;

  return (
    <div className="dp-tab-body dp-scroll dp-log">
      {liveLines.length > 0 && (
        <section className="dp-section">
          <h4 className="dp-section-title">Running now</h4>
          <LogLines lines={liveLines.map((l, i) => ({ key: `live-${i}`, time: '', level: l.level, message: l.message }))} />
        </section>
      )}
      {latest && ran && latest.run.id !== ran.run.id && (
        <p className="dp-muted">
          Unchanged in the latest run ({shortId(latest.run.id)}, {when(latest.run.startedAt)}): its output came from the cache. The log below is from the
          run in which it last ran.
        </p>
      )}
      {shown && <RunHeader log={shown} />}
      {shown && shown.quality.length > 0 && <QualityResults results={shown.quality} />}
      {shown && (
        <section className="dp-section">
          <h4 className="dp-section-title">Log</h4>
          {shown.logs.length === 0 ? (
            <p className="dp-muted">No log lines.</p>
          ) : (
            <LogLines lines={shown.logs.map((l) => ({ key: String(l.id), time: l.time, level: l.level, message: l.message }))} />
          )}
        </section>
      )}
    </div>
  );
}

function RunHeader({ log }: { log: NodeLog }) {
  const { run, node } = log;
  const parts = [
    `Run ${shortId(run.id)}`,
    when(run.startedAt),
    `node ${node.status}${node.cacheHit ? ' (cached)' : ''}`,
    node.durationMs !== null ? `in ${formatDuration(node.durationMs)}` : null,
    node.rows !== null ? `${formatCount(node.rows)} rows` : null,
    node.attempt > 1 ? `attempt ${node.attempt}` : null,
  ].filter((p): p is string => p !== null);
  return (
    <div className="dp-run-header" data-testid="log-run">
      <span className={`dp-status dp-status-${node.status}`}>{parts.join(' · ')}</span>
      {node.error && <pre className="dp-message-detail">{node.error}</pre>}
    </div>
  );
}

function LogLines({ lines }: { lines: { key: string; time: string; level: string; message: string }[] }) {
  return (
    <ol className="dp-log-lines">
      {lines.map((l) => (
        <li key={l.key} className={`dp-log-${l.level}`}>
          {l.time && <time dateTime={l.time}>{l.time.slice(11, 19)}</time>}
          <span className="dp-log-level">{l.level}</span>
          <span className="dp-log-message">{l.message}</span>
        </li>
      ))}
    </ol>
  );
}

function shortId(id: string): string {
  return id.slice(0, 8);
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
