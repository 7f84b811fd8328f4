/** The pipeline's name (click to rename), its file, and a dot while there are unsaved changes. */
import { useState } from 'react';
import { useMillrace } from '../app/app-context';

export function PipelineTitle() {
  const name = useMillrace((s) => s.document.name);
  const path = useMillrace((s) => s.path);
  const dirty = useMillrace((s) => s.document !== s.savedDocument);
  const apply = useMillrace((s) => s.apply);
  const [editing, setEditing] = useState<string | null>(null);

  const commit = () => {
    if (editing !== null && editing.trim() !== '' && editing.trim() !== name) apply({ kind: 'set-info', name: editing.trim() });
    setEditing(null);
  };

  return (
    <div className="pipeline-title" data-testid="pipeline-title">
      {editing !== null ? (
        <input
          className="text-input pipeline-name-input"
          autoFocus
          value={editing}
          onChange={(e) => setEditing(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') setEditing(null);
          }}
          aria-label="Pipeline name"
          data-testid="pipeline-name-input"
        />
      ) : (
        <button type="button" className="pipeline-name" title="Rename the pipeline" onClick={() => setEditing(name)} data-testid="pipeline-name">
          {name}
        </button>
      )}
      <span className="pipeline-path" title={path ? `Saved as ${path}` : 'Not saved to a file yet'} data-testid="pipeline-path">
        {path ?? 'unsaved'}
      </span>
      {dirty && <span className="dirty-dot" title="Unsaved changes (they are autosaved; Save writes the file)" data-testid="dirty-marker" aria-label="Unsaved changes" />}
    </div>
  );
}
