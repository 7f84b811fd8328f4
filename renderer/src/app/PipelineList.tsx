/** The pipelines in the served folder (the examples among them), for the welcome screen and the Open dialog. */
import { useEffect, useState } from 'react';
import type { PipelineListEntry } from '../../../engine/contract/api';
import { useApp } from './app-context';
import { errorText } from './commands';

export function PipelineList({ onOpen }: { onOpen(path: string): void }) {
  const { client } = useApp();
  const [entries, setEntries] = useState<PipelineListEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    client.listPipelines().then(
      (list) => live && setEntries(list.pipelines),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [client]);

  if (error) return <div className="pipeline-list-empty">Could not list the pipelines: {error}</div>;
  if (!entries) return <div className="pipeline-list-empty">Looking for pipelines…</div>;
  if (entries.length === 0) return <div className="pipeline-list-empty">No pipeline files (.yaml) in this folder yet.</div>;
  return (
    <ul className="pipeline-list" data-testid="pipeline-list">
      {entries.map((entry) => (
        <li key={entry.path}>
          <button type="button" className="pipeline-entry" onClick={() => onOpen(entry.path)} data-testid={`open-pipeline-${entry.path}`} title={`Open ${entry.path}`}>
            <span className="pipeline-entry-head">
              <span className="pipeline-entry-name">{entry.name}</span>
              <span className="pipeline-entry-meta">
                {entry.nodes} node{entry.nodes === 1 ? '' : 's'}
                {entry.errors > 0 && <span className="pipeline-entry-errors"> · {entry.errors} problem{entry.errors === 1 ? '' : 's'}</span>}
              </span>
            </span>
            {entry.description && <span className="pipeline-entry-description">{entry.description}</span>}
            <span className="pipeline-entry-path">{entry.path}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
