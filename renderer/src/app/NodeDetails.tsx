/** The right panel: the selected node (name, type, problems, last run, params form), or the pipeline. */
import { useCallback } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PipelineNode } from '../../../engine/pipeline/document';
import { displayPhase } from '../store/selectors';
import { formatDuration, shapeText } from '../canvas/format';
import { useApp, useMillrace } from './app-context';
import { Inspector } from './mounted';
import { NodeIdentity } from './NodeIdentity';
import { PipelineDetails } from './PipelineDetails';

function NodeRunInfo({ id }: { id: string }) {
  const phase = useMillrace((s) => displayPhase(s, id));
  const run = useMillrace((s) => s.run.nodes[id]);
  if (!run || phase === 'idle') return null;
  return (
    <div className={`node-run node-run-${phase}`} data-testid="node-run-info">
      <strong>{phase === 'stale' ? 'Stale' : phase[0]?.toUpperCase() + phase.slice(1)}</strong>
      {shapeText(run.rows, run.columns) && <span> · {shapeText(run.rows, run.columns)}</span>}
      {run.durationMs !== undefined && phase !== 'running' && <span> · {formatDuration(run.durationMs)}</span>}
      {run.reason && (phase === 'done' || phase === 'cached' || phase === 'skipped') && <span className="muted"> · {run.reason}</span>}
      {phase === 'stale' && <div className="muted">Changed since it ran (its params or something upstream). Run again to refresh.</div>}
      {phase === 'failed' && run.error && <pre className="node-run-error">{run.error}</pre>}
    </div>
  );
}

function SelectedNode({ node }: { node: PipelineNode }) {
  const { client, nodeTypes, store } = useApp();
  const nodeType = nodeTypes.get(node.type);
  const document = useMillrace((s) => s.document);
  const path = useMillrace((s) => s.path);
  const issues = useMillrace(useShallow((s) => s.validation.issues.filter((i) => i.nodeId === node.id)));
  const general = issues.filter((i) => i.param === undefined);
  const id = node.id;
  const onChange = useCallback(
    (params: Record<string, unknown>) => store.getState().apply({ kind: 'set-params', node: id, params }, { coalesceKey: `params:${id}` }),
    [store, id],
  );

  return (
    <div className="details" data-testid="node-details">
      <div className={`details-head cat-${nodeType?.category ?? 'unknown'}`}>
        <div className="details-type">
          <span className="details-type-label">{nodeType?.label ?? 'Unknown node type'}</span>
          <code>{node.type}</code>
        </div>
        {nodeType && <p className="details-description">{nodeType.description}</p>}
      </div>
      <NodeIdentity key={node.id} node={node} />
      {!nodeType && general.length > 0 && (
        <ul className="details-issues" data-testid="node-issues">
          {general.map((issue, i) => (
            <li key={i} className={issue.severity}>
              {issue.message}
              {issue.hint && <span className="muted"> {issue.hint}</span>}
            </li>
          ))}
        </ul>
      )}
      <NodeRunInfo id={node.id} />
      <div className="details-params">
        <h3>Parameters</h3>
        {nodeType ? (
          <Inspector client={client} nodeType={nodeType} node={node} document={document} path={path} issues={issues} onChange={onChange} />
        ) : (
          <p className="muted">"{node.type}" is not a node type this engine knows, so its params cannot be edited here. Fix the type in the YAML view.</p>
        )}
      </div>
    </div>
  );
}

export function NodeDetails() {
  const count = useMillrace((s) => s.selectedNodes.length);
  const node = useMillrace((s) => (s.selectedNodes.length === 1 ? s.document.nodes.find((n) => n.id === s.selectedNodes[0]) : undefined));
  const { store } = useApp();
  return (
    <aside className="details-panel" aria-label="Details" data-testid="details-panel">
      {node ? (
        <SelectedNode node={node} />
      ) : count > 1 ? (
        <div className="details details-multi" data-testid="multi-selection">
          <p>
            <strong>{count} nodes selected.</strong>
          </p>
          <p className="muted">Drag to move them together; Delete removes them; copy and paste them into another pipeline.</p>
          <button type="button" className="btn outline danger" onClick={() => store.getState().apply({ kind: 'remove', nodes: store.getState().selectedNodes, edges: [] })}>
            Delete {count} nodes
          </button>
        </div>
      ) : (
        <PipelineDetails />
      )}
    </aside>
  );
}
