/**
 * <YamlView>: the pipeline as YAML in Monaco, exactly what is saved and what `millrace run` runs.
 * Edits apply to the canvas when the text is well-formed; otherwise the errors are marked at their
 * lines and listed under the editor, and the text stays as typed.
 */
import { useMemo } from 'react';
import type { EngineClient } from '../api/client';
import type { PipelineDocument } from '../../../engine/contract/api';
import { CodeEditor } from '../editor';
import { blocksApply, issueLines, issueMarkers } from './yaml-issues';
import { useYamlSync, type YamlStatus } from './use-yaml-sync';
import './yaml-view.css';

export interface YamlViewProps {
  client: EngineClient;
  document: PipelineDocument;
  path: string | undefined;
  onApply: (document: PipelineDocument) => void;
}

const STATUS_TEXT: Record<YamlStatus, string> = {
  loading: 'Loading…',
  synced: 'In step with the canvas',
  editing: 'Checking…',
  applied: 'Applied to the canvas',
  invalid: 'Not applied: fix the errors below',
  offline: 'Cannot reach the engine',
};

export function YamlView({ client, document, path, onApply }: YamlViewProps) {
  const sync = useYamlSync(client, document, path, onApply);
  const markers = useMemo(() => issueMarkers(sync.issues), [sync.issues]);
  const lines = issueLines(sync.issues);
  const blocking = sync.issues.some(blocksApply);

  return (
    <section className="yaml-view" data-testid="yaml-view" aria-label="Pipeline YAML">
      <header className="yaml-view-bar">
        <span className={`yaml-status yaml-status-${sync.status}`} data-testid="yaml-status" role="status">
          {STATUS_TEXT[sync.status]}
        </span>
        {path && <span className="yaml-path" title={path}>{path}</span>}
        <button
          type="button"
          className="yaml-format"
          data-testid="yaml-format"
          title={blocking || sync.status === 'invalid' ? 'Discard these edits and show the canvas as YAML' : 'Rewrite in canonical form (comments kept)'}
          onClick={sync.reformat}
        >
          {blocking || sync.status === 'invalid' ? 'Revert to canvas' : 'Format'}
        </button>
      </header>
      <div className="yaml-view-editor" onFocus={() => sync.setFocused(true)} onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && sync.setFocused(false)}>
        <CodeEditor language="yaml" value={sync.text} onChange={sync.edit} markers={markers} testId="yaml-editor" ariaLabel="Pipeline YAML" />
      </div>
      {(lines.length > 0 || sync.failure) && (
        <ul className={`yaml-errors${blocking ? ' blocking' : ''}`} data-testid="yaml-errors">
          {sync.failure && <li className="error">{sync.failure}</li>}
          {lines.map(({ text, issue }, i) => (
            <li key={i} className={issue.severity} data-testid="yaml-error">
              {text}
              {issue.hint && <span className="yaml-hint"> {issue.hint}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
