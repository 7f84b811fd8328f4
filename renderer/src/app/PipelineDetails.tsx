/** With no node selected, the right panel describes the pipeline: its name, description and problems. */
import { useEffect, useState } from 'react';
import { useApp, useMillrace } from './app-context';

export function PipelineDetails() {
  const { store } = useApp();
  const name = useMillrace((s) => s.document.name);
  const description = useMillrace((s) => s.document.description ?? '');
  const nodeCount = useMillrace((s) => s.document.nodes.length);
  const issues = useMillrace((s) => s.validation.issues);
  const [draft, setDraft] = useState(description);
  useEffect(() => setDraft(description), [description]);
  const general = issues.filter((i) => !i.nodeId);
  const onNodes = issues.length - general.length;

  return (
    <div className="details" data-testid="pipeline-details">
      <div className="details-head">
        <div className="details-type">
          <span className="details-type-label">{name}</span>
        </div>
        <p className="details-description">
          {nodeCount} node{nodeCount === 1 ? '' : 's'}. Select a node to edit its parameters and see its data below.
        </p>
      </div>
      <label className="field">
        <span>Description</span>
        <textarea
          className="text-input textarea"
          rows={4}
          value={draft}
          placeholder="What this pipeline does, for the next person who opens it"
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => draft !== description && store.getState().apply({ kind: 'set-info', description: draft })}
          data-testid="pipeline-description"
        />
      </label>
      {(general.length > 0 || onNodes > 0) && (
        <ul className="details-issues">
          {general.map((issue, i) => (
            <li key={i} className={issue.severity}>
              {issue.message}
            </li>
          ))}
          {onNodes > 0 && (
            <li className="warning">
              {onNodes} problem{onNodes === 1 ? '' : 's'} on nodes (outlined in red on the canvas).
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
