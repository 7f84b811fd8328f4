/** The panel's tab bar (arrow keys move between tabs, as in any tablist). */
import type { KeyboardEvent, ReactNode } from 'react';

export type TabId = 'data' | 'profile' | 'log' | 'training';

const LABELS: Record<TabId, { label: string; title: string }> = {
  data: { label: 'Data', title: 'The rows of the selected node' },
  profile: { label: 'Profile', title: 'A profile of every column' },
  log: { label: 'Log', title: "The node's log and data-quality results from its last run" },
  training: { label: 'Training', title: 'Loss and validation curves' },
};

export function PanelTabs({ tabs, active, onChange, children }: { tabs: TabId[]; active: TabId; onChange: (tab: TabId) => void; children?: ReactNode }) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = tabs[(tabs.indexOf(active) + step + tabs.length) % tabs.length];
    if (next) {
      onChange(next);
      document.getElementById(`dp-tab-${next}`)?.focus();
    }
  };
  return (
    <div className="dp-header">
      <div className="dp-tabs" role="tablist" aria-label="Data panel" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab}
            id={`dp-tab-${tab}`}
            type="button"
            role="tab"
            aria-selected={tab === active}
            aria-controls="dp-tabpanel"
            tabIndex={tab === active ? 0 : -1}
            className={tab === active ? 'dp-tab dp-tab-active' : 'dp-tab'}
            data-testid={`${tab}-tab`}
            title={`${LABELS[tab].title} (← → to switch tabs)`}
            onClick={() => onChange(tab)}
          >
            {LABELS[tab].label}
          </button>
        ))}
      </div>
      {children}
    </div>
  );
}
