/** The profile's progress in the Data tab's status line: sampling, sample shown, full profile. */
import { formatCount } from './format';
import type { ProfileState } from './use-profile';

export function profileNote(state: ProfileState) {
  if (state.error && !state.profile) return <span className="dp-statusbar-error" title={state.error.message}>Profile failed</span>;
  if (!state.profile) return state.loading ? <span className="dp-muted">Profiling a sample…</span> : null;
  if (state.profile.sampled) {
    const sample = `Profile of a ${formatCount(state.profile.sampleRows ?? 0)}-row sample`;
    return <span className="dp-sampled" title="Column statistics come from a random sample until the full profile is ready">{state.loading === 'full' ? `${sample} · full profile loading…` : sample}</span>;
  }
  return <span className="dp-muted">Full profile</span>;
}
