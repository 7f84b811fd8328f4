/** One run, expanded: its nodes (status, why, rows, time, error), data-quality results, metrics and log. */
import type { RunDetailsResponse, RunRecord } from '../../../engine/contract/api';
import { formatCount, formatDuration, latestAttempts, statusLook } from './run-format';

interface Props {
  run: RunRecord;
  details: RunDetailsResponse | undefined;
}

/** The last value of each metric of each node (training loss, accuracy, …). */
function finalMetrics(details: RunDetailsResponse): { nodeId: string; name: string; value: number; epoch: number }[] {
  const last = new Map<string, { nodeId: string; name: string; value: number; epoch: number }>();
  for (const m of details.metrics) last.set(`${m.nodeId}\u0000${m.name}`, { nodeId: m.nodeId, name: m.name, value: m.value, epoch: m.epoch });
  return [...last.values()];
}

export function RunDetailsView({ run, details }: Props) {
  if (!details) return <div className="run-details run-history-empty">Loading the run…</div>;
  const nodes = latestAttempts(details.nodes);
  const metrics = finalMetrics(details);
  return (
    <div className="run-details" data-testid="run-details">
      {run.error && <div className="run-error">{run.error}</div>}
      <table className="run-nodes">
        <thead>
          <tr>
            <th>Node</th>
            <th>Status</th>
            <th className="num">Rows</th>
            <th className="num">Time</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((node) => {
            const look = statusLook(node.status);
            return [
              <tr key={node.nodeId} className={`node-${node.status}${node.error ? ' has-error' : ''}`} data-testid="run-node" data-node={node.nodeId} data-status={node.status}>
                <td>
                  <div className="run-node-id">{node.nodeId}</div>
                  <div className="run-node-type">
                    {node.nodeType}
                    {node.attempt > 1 ? ` · attempt ${node.attempt}` : ''}
                  </div>
                </td>
                <td>
                  <span className={`run-icon status-${node.status}`} aria-hidden>
                    {look.icon}
                  </span>{' '}
                  {node.status}
                  {node.reason && <div className="run-node-reason">{node.reason}</div>}
                </td>
                <td className="num">
                  {formatCount(node.rows)}
                  {node.columns !== null && <div className="run-node-type">{node.columns} cols</div>}
                </td>
                <td className="num">{formatDuration(node.durationMs)}</td>
              </tr>,
              node.error && (
                <tr key={`${node.nodeId}-error`} className="run-node-error-row">
                  <td colSpan={4} className="run-node-error" data-testid="run-node-error">
                    {node.error}
                  </td>
                </tr>
              ),
            ];
          })}
        </tbody>
      </table>

      {details.quality.length > 0 && (
        <div className="run-section" data-testid="run-quality">
          <h3>Data quality</h3>
          <ul className="run-quality">
            {details.quality.map((q, i) => (
              <li key={i} className={q.passed ? 'passed' : 'failed'}>
                <span className={`run-icon ${q.passed ? 'status-done' : 'status-failed'}`} aria-label={q.passed ? 'passed' : 'failed'}>
                  {q.passed ? '✓' : '✕'}
                </span>
                <span className="run-quality-what">
                  {q.nodeId}: {q.check}
                  {q.column ? ` (${q.column})` : ''}
                </span>
                <span className="run-quality-detail">
                  {q.detail}
                  {q.failingRows ? ` — ${formatCount(q.failingRows)} rows` : ''}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}

      {metrics.length > 0 && (
        <div className="run-section">
          <h3>Final metrics</h3>
          <ul className="run-metrics">
            {metrics.map((m) => (
              <li key={`${m.nodeId}.${m.name}`}>
                {m.nodeId} · {m.name}: <strong>{Number.isInteger(m.value) ? m.value : m.value.toPrecision(4)}</strong> <span className="run-node-type">epoch {m.epoch}</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      {details.logs.length > 0 && (
        <div className="run-section" data-testid="run-logs">
          <h3>Log</h3>
          <ol className="run-log">
            {details.logs.map((entry) => (
              <li key={entry.id} className={`log-${entry.level}`}>
                <span className="run-log-time">{entry.time.slice(11, 19)}</span>
                {entry.nodeId && <span className="run-log-node">{entry.nodeId}</span>}
                <span className="run-log-message">{entry.message}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
