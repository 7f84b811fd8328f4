/** The Profile tab: one card per column, a search box, and whether a sample or the full profile is shown. */
import { useMemo, useState } from 'react';
import { ColumnCard } from './ColumnCard';
import { ErrorMessage, PanelHint } from './PanelMessage';
import { filterColumns, profileLabel } from './profile-plan';
import type { ProfileState } from './use-profile';

export interface ProfileTabProps {
  state: ProfileState;
  nodeId: string;
  /** Why there is no profile yet (the rows failed, or are still loading). */
  blocked: 'rows-loading' | 'rows-failed' | null;
  onRunToHere?: (nodeId: string) => void;
}

export function ProfileTab({ state, nodeId, blocked, onRunToHere }: ProfileTabProps) {
  const [query, setQuery] = useState('');
  const columns = useMemo(() => filterColumns(state.profile?.columns ?? [], query), [state.profile, query]);

  if (blocked === 'rows-failed') return <PanelHint>No profile: the rows of this node could not be computed (see the Data tab).</PanelHint>;
  if (state.error && !state.profile) {
    return (
      <div className="dp-tab-body dp-scroll">
        <ErrorMessage error={state.error} nodeId={nodeId} onRunToHere={onRunToHere} />
      </div>
    );
  }
  if (!state.profile) return <PanelHint>{blocked === 'rows-loading' ? 'Loading rows…' : 'Profiling a sample…'}</PanelHint>;

  const profile = state.profile;
  return (
    <div className="dp-tab-body dp-profile">
      <div className="dp-toolbar">
        <input
          className="dp-search"
          type="search"
          placeholder={`Filter ${profile.columns.length} columns…`}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="profile-search"
          aria-label="Filter columns by name or type"
          title="Filter columns by name, type or kind (number, text, date…)"
        />
        <span className={profile.sampled ? 'dp-profile-status dp-sampled' : 'dp-profile-status'} data-testid="profile-status">
          {profileLabel(profile, state.loading === 'full')}
        </span>
        {state.error && <span className="dp-statusbar-error">Full profile failed: {state.error.message}</span>}
      </div>
      <div className="dp-cards dp-scroll">
        {columns.map((c) => (
          <ColumnCard key={c.name} column={c} />
        ))}
        {columns.length === 0 && <PanelHint>No column matches “{query}”.</PanelHint>}
      </div>
    </div>
  );
}
