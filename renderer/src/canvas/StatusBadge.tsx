/** The status line of a node card: what happened at its last run, with rows × columns once known. */
import type { NodeRunState, DisplayPhase } from '../store/run-state';
import { formatDuration, shapeText } from './format';

const LABELS: Record<DisplayPhase, string> = {
  idle: 'Not run',
  queued: 'Queued',
  running: 'Running',
  done: 'Done',
  cached: 'Cached',
  failed: 'Failed',
  skipped: 'Skipped',
  cancelled: 'Cancelled',
  stale: 'Stale',
};

export function StatusBadge({ phase, run }: { phase: DisplayPhase; run: NodeRunState | undefined }) {
  const shape = shapeText(run?.rows, run?.columns);
  let detail: string | undefined;
  let title: string | undefined;
  if (phase === 'failed') {
    detail = run?.error?.split('\n')[0];
    title = run?.error;
  } else if (phase === 'running') {
    detail = run?.progress !== undefined ? `${Math.round(run.progress)}%` : undefined;
  } else if (phase === 'done' || phase === 'cached') {
    // A fused step ran inside a later step's query: no count of its own; its preview computes it.
    detail = shape ?? (run?.fusedInto ? `within ${run.fusedInto}` : undefined);
    title = [run?.reason, run?.fusedInto ? `computed inside ${run.fusedInto}'s query and not kept in the cache; select it to preview its rows` : undefined, run?.durationMs !== undefined ? `took ${formatDuration(run.durationMs)}` : undefined].filter(Boolean).join(', ') || undefined;
  } else if (phase === 'stale') {
    detail = shape ? `was ${shape}` : undefined;
    title = 'Its params or something upstream changed since it last ran. Run again to refresh.';
  } else if (phase === 'skipped' || phase === 'cancelled') {
    detail = run?.reason;
  }
  return (
    <div className={`status status-${phase}`} title={title} data-testid="node-status" data-status={phase}>
      <span className="status-dot" aria-hidden="true" />
      <span className="status-label">{LABELS[phase]}</span>
      {detail && <span className="status-detail">{detail}</span>}
      {phase === 'running' && (
        <span className="status-progress" aria-hidden="true">
          <span className={run?.progress === undefined ? 'indeterminate' : ''} style={run?.progress !== undefined ? { width: `${run.progress}%` } : undefined} />
        </span>
      )}
    </div>
  );
}
