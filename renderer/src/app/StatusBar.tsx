/** The bottom line: engine connection, validation, and how the last run went. */
import { useMillrace } from './app-context';
import { formatDuration } from '../canvas/format';

function RunLine() {
  const run = useMillrace((s) => s.run);
  if (run.requesting) return <span className="statusbar-run running">Starting run…</span>;
  if (run.running) {
    const states = Object.values(run.nodes);
    const finished = states.filter((n) => n.phase === 'done' || n.phase === 'cached' || n.phase === 'failed').length;
    const total = states.filter((n) => n.phase !== 'idle').length;
    return (
      <span className="statusbar-run running" data-testid="run-status">
        Running{run.target ? ` to ${run.target}` : ''}… {finished}/{total} nodes
      </span>
    );
  }
  const outcome = run.lastOutcome;
  if (!outcome) return null;
  const text =
    outcome.status === 'succeeded'
      ? `Run succeeded in ${formatDuration(outcome.durationMs)}`
      : outcome.status === 'cancelled'
        ? 'Run cancelled'
        : `Run ${outcome.status}${outcome.error ? `: ${outcome.error.split('\n')[0]}` : ''}`;
  return (
    <span className={`statusbar-run ${outcome.status}`} title={outcome.error} data-testid="run-status">
      {text}
    </span>
  );
}

export function StatusBar() {
  const connected = useMillrace((s) => s.eventsConnected);
  const issues = useMillrace((s) => s.validation.issues);
  const validated = useMillrace((s) => s.validation.document !== null);
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  return (
    <footer className="statusbar" data-testid="statusbar">
      <span className={`statusbar-conn ${connected ? 'on' : 'off'}`} title={connected ? 'Live status from the engine' : 'Not connected to the engine events; retrying'}>
        {connected ? 'Engine connected' : 'Connecting to the engine…'}
      </span>
      {validated && (
        <span className={errors ? 'statusbar-errors' : 'statusbar-ok'} title={issues.map((i) => `${i.nodeId ? `${i.nodeId}: ` : ''}${i.message}`).join('\n')} data-testid="validation-status">
          {errors === 0 && warnings === 0 ? 'No problems' : `${errors ? `${errors} error${errors === 1 ? '' : 's'}` : ''}${errors && warnings ? ', ' : ''}${warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`}
        </span>
      )}
      <RunLine />
    </footer>
  );
}
