/** Plain-words messages in the panel: the empty state, errors (with the node they are about), and the "run first" hint. */
import type { ReactNode } from 'react';
import type { PanelError } from './panel-error';
import type { NodeLog } from './run-log';

export function PanelHint({ children }: { children: ReactNode }) {
  return <div className="dp-hint">{children}</div>;
}

export interface ErrorMessageProps {
  error: PanelError;
  nodeId: string;
  onRunToHere?: (nodeId: string) => void;
  onRetry?: () => void;
  /** The node in the latest run that included it: says why there is no output (it failed, was skipped). */
  lastRun?: NodeLog | null;
}

/** Why a node that needs a run has no output, from its latest run. */
function lastRunNote(lastRun: NodeLog | null | undefined): { title: string; detail: string | null } | null {
  const node = lastRun?.node;
  if (!node) return null;
  if (node.status === 'failed') return { title: 'This node failed in the last run', detail: node.error };
  if (node.status === 'skipped') return { title: 'This node was skipped in the last run', detail: 'A node upstream of it failed; fix that one and run again.' };
  if (node.status === 'cancelled') return { title: 'The last run was cancelled before this node finished', detail: null };
  return null;
}

export function ErrorMessage({ error, nodeId, onRunToHere, onRetry, lastRun }: ErrorMessageProps) {
  const note = error.needsRun ? lastRunNote(lastRun) : null;
  if (note) {
    return (
      <div className="dp-message dp-message-error" data-testid="data-error" role="alert">
        <div className="dp-message-title">{note.title}</div>
        {note.detail && <pre className="dp-message-detail">{note.detail}</pre>}
        <p className="dp-message-text">Its output appears here once it runs. The Log tab has the details of the last run.</p>
        {onRunToHere && (
          <button type="button" className="dp-button" onClick={() => onRunToHere(nodeId)} title="Run the pipeline up to this node">
            Run to here
          </button>
        )}
      </div>
    );
  }
  if (error.needsRun) {
    return (
      <div className="dp-message" data-testid="data-error" role="status">
        <div className="dp-message-title">Run the pipeline to see this node's output</div>
        <p className="dp-message-text">
          {error.nodeId && error.nodeId !== nodeId
            ? `“${error.nodeId}” upstream runs in a worker process and has not run yet.`
            : 'This node runs in a worker process: its output exists once it has run.'}{' '}
          Use <strong>Run to here</strong> on this node (or run the whole pipeline); the data appears here when the run finishes.
        </p>
        {onRunToHere && (
          <button type="button" className="dp-button dp-button-primary" onClick={() => onRunToHere(nodeId)} title="Run the pipeline up to this node">
            Run to here
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="dp-message dp-message-error" data-testid="data-error" role="alert">
      <div className="dp-message-title">
        {error.nodeId ? (
          <>
            Node <code>{error.nodeId}</code> (upstream of <code>{nodeId}</code>) failed
          </>
        ) : (
          <>
            Node <code>{nodeId}</code> could not be previewed
          </>
        )}
      </div>
      <pre className="dp-message-detail">{error.message}</pre>
      {error.issues.length > 1 && (
        <ul className="dp-message-issues">
          {error.issues.map((issue, i) => (
            <li key={i}>
              {issue.nodeId ? <code>{issue.nodeId}</code> : null} {issue.message}
              {issue.hint ? <span className="dp-muted"> — {issue.hint}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="dp-button" onClick={onRetry} title="Ask the engine again">
          Try again
        </button>
      )}
    </div>
  );
}
