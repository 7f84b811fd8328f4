/** A node on the canvas: label, type, category stripe, one handle per port, status, and its problems. */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp, useMillrace } from '../app/app-context';
import { displayPhase } from '../store/selectors';
import { withoutNodePrefix } from './format';
import { cardPorts, type CardPort } from './card-ports';
import { StatusBadge } from './StatusBadge';
import type { CardNode } from './to-flow';

function portTitle(port: CardPort, side: 'input' | 'output'): string {
  if (port.add) return `Connect a table here to add input "${port.name}" (use it in the query as {{${port.name}}})`;
  return [`${side === 'input' ? 'Input' : 'Output'} "${port.name}" (${port.type})`, port.optional ? 'optional' : '', port.description ?? ''].filter(Boolean).join(' · ');
}

function PortHandle({ port, side }: { port: CardPort; side: 'input' | 'output' }) {
  return (
    <Handle
      type={side === 'input' ? 'target' : 'source'}
      position={side === 'input' ? Position.Left : Position.Right}
      id={port.name}
      className={`port-handle port-${port.type}${port.optional ? ' port-optional' : ''}${port.add ? ' port-add' : ''}`}
      title={portTitle(port, side)}
      data-testid={`handle-${side}-${port.name}`}
    />
  );
}

/**
 * Re-renders only when what it shows changes: React Flow also passes the position, z-index and
 * dragging state, which change on every move of a drag but are applied by its own wrapper.
 */
const sameCard = (a: NodeProps<CardNode>, b: NodeProps<CardNode>): boolean => a.id === b.id && a.data === b.data && a.selected === b.selected;

export const NodeCard = memo(function NodeCard({ id, data, selected }: NodeProps<CardNode>) {
  const { nodeTypes } = useApp();
  const node = data.node;
  const nodeType = nodeTypes.get(node.type);
  const validated = useMillrace((s) => s.validation.ports[id]);
  const ports = useMemo(() => cardPorts(node, nodeType, validated ? { [id]: validated } : undefined), [node, nodeType, validated, id]);
  const issues = useMillrace(useShallow((s) => s.validation.issues.filter((i) => i.nodeId === id)));
  const phase = useMillrace((s) => displayPhase(s, id));
  const run = useMillrace((s) => s.run.nodes[id]);
  const errors = issues.filter((i) => i.severity === 'error');
  const shown = errors[0] ?? issues[0];
  const rows = Math.max(ports.inputs.length, ports.outputs.length);
  const category = nodeType?.category ?? 'unknown';
  const classes = ['card', `cat-${category}`, selected ? 'selected' : '', errors.length ? 'has-error' : issues.length ? 'has-warning' : '', `phase-${phase}`];

  return (
    <div className={classes.filter(Boolean).join(' ')} data-testid={`node-card-${id}`} data-node-id={id}>
      <div className="card-stripe" aria-hidden="true" />
      <div className="card-head" title={nodeType?.description}>
        <span className="card-title">{node.label ?? id}</span>
        {node.label && <span className="card-id">{id}</span>}
      </div>
      <div className="card-type">{nodeType ? nodeType.label : `Unknown type "${node.type}"`}</div>
      {ports.showNames ? (
        <div className="card-ports">
          {Array.from({ length: rows }, (_, i) => {
            const input = ports.inputs[i];
            const output = ports.outputs[i];
            return (
              <div className="port-row" key={i}>
                {input ? (
                  <span className={`port-name port-in${input.add ? ' port-name-add' : ''}`}>
                    <PortHandle port={input} side="input" />
                    {input.add ? '+ input' : input.name}
                  </span>
                ) : (
                  <span />
                )}
                {output && (
                  <span className="port-name port-out">
                    {output.name}
                    <PortHandle port={output} side="output" />
                  </span>
                )}
              </div>
            );
          })}
        </div>
      ) : (
        <>
          {ports.inputs.map((p) => (
            <PortHandle key={`in-${p.name}`} port={p} side="input" />
          ))}
          {ports.outputs.map((p) => (
            <PortHandle key={`out-${p.name}`} port={p} side="output" />
          ))}
        </>
      )}
      <StatusBadge phase={phase} run={run} />
      {shown && (
        <div className={`card-issue ${shown.severity}`} title={issues.map((i) => withoutNodePrefix(i.message, id) + (i.hint ? ` ${i.hint}` : '')).join('\n')} data-testid="node-issue">
          {withoutNodePrefix(shown.message, id)}
          {issues.length > 1 ? ` (+${issues.length - 1} more)` : ''}
        </div>
      )}
    </div>
  );
}, sameCard);
