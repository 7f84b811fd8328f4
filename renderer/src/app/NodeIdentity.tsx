/** The selected node's name fields: its label (display only) and its id (renamed everywhere it is used). */
import { useState } from 'react';
import type { PipelineNode } from '../../../engine/pipeline/document';
import { renameProblem } from '../store/node-ids';
import { useApp } from './app-context';

export function NodeIdentity({ node }: { node: PipelineNode }) {
  const { store } = useApp();
  const [label, setLabel] = useState(node.label ?? '');
  const [id, setId] = useState(node.id);
  const [problem, setProblem] = useState<string | undefined>();

  const commitLabel = () => {
    if ((node.label ?? '') !== label.trim()) store.getState().apply({ kind: 'set-label', node: node.id, label });
  };
  const commitId = () => {
    const next = id.trim();
    const why = renameProblem(store.getState().document, node.id, next);
    setProblem(why);
    if (!why && next !== node.id) store.getState().apply({ kind: 'rename-node', from: node.id, to: next });
  };

  return (
    <div className="node-identity">
      <label className="field">
        <span>Label</span>
        <input
          className="text-input"
          value={label}
          placeholder={node.id}
          onChange={(e) => setLabel(e.target.value)}
          onBlur={commitLabel}
          onKeyDown={(e) => e.key === 'Enter' && (e.currentTarget.blur(), undefined)}
          data-testid="node-label-input"
        />
      </label>
      <label className="field">
        <span>Id (used in YAML and by other nodes' inputs)</span>
        <input
          className={`text-input mono${problem ? ' invalid' : ''}`}
          value={id}
          onChange={(e) => {
            setId(e.target.value);
            setProblem(undefined);
          }}
          onBlur={commitId}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitId();
            if (e.key === 'Escape') {
              setId(node.id);
              setProblem(undefined);
            }
          }}
          spellCheck={false}
          aria-invalid={problem !== undefined}
          data-testid="node-id-input"
        />
        {problem && <span className="field-error" data-testid="node-id-error">{problem}</span>}
      </label>
    </div>
  );
}
