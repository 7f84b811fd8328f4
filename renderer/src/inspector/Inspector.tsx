/**
 * <Inspector>: the selected node's params as a form generated from its param schema. Edits go out
 * as whole params objects (empty optional values left out); edits from elsewhere (undo, YAML)
 * reset the form. Column pickers and SQL completion use the engine's upstream schema.
 */
import { useMemo, useState } from 'react';
import type { EngineClient } from '../api/client';
import type { PipelineDocument, PipelineIssue } from '../../../engine/contract/api';
import type { PipelineNode } from '../../../engine/pipeline/document';
import type { NodeTypeJson } from '../../../nodes/catalogue-json';
import { mergedColumnCompletions, portCompletions } from '../editor';
import { fieldsFromSchema } from './field-model';
import { FieldList, HelpText } from './FieldList';
import { formFromParams, paramsFromForm, sameJson, withoutExtra, type FormState } from './form-state';
import { InspectorContext, type InspectorContextValue } from './inspector-context';
import { unplacedIssues } from './param-path';
import { useUpstreamSchema } from './use-upstream-schema';
import { SQL_TYPES, SQL_TYPES_LIST_ID } from './widgets/SimpleInputs';
import './inspector.css';

export interface InspectorProps {
  client: EngineClient;
  nodeType: NodeTypeJson;
  node: PipelineNode;
  document: PipelineDocument;
  path: string | undefined;
  issues: PipelineIssue[];
  onChange: (params: Record<string, unknown>) => void;
}

export function Inspector(props: InspectorProps) {
  // A new form per node: nothing typed for one node leaks into another.
  return <InspectorForm key={`${props.node.id}\u0000${props.nodeType.type}`} {...props} />;
}

function InspectorForm({ client, nodeType, node, document, path, issues, onChange }: InspectorProps) {
  const fields = useMemo(() => fieldsFromSchema(nodeType.params), [nodeType]);
  const [form, setForm] = useState<FormState>(() => formFromParams(fields, node.params));
  const [synced, setSynced] = useState(node.params);
  if (synced !== node.params && !sameJson(synced, node.params)) {
    // Changed from outside (undo, YAML view): show it. Adjusting state while rendering is React's pattern for this.
    setSynced(node.params);
    setForm(formFromParams(fields, node.params));
  }

  const update = (next: FormState) => {
    setForm(next);
    const params = paramsFromForm(fields, next);
    setSynced(params);
    if (!sameJson(params, node.params)) onChange(params);
  };

  const nodeIssues = useMemo(() => issues.filter((i) => i.nodeId === node.id), [issues, node.id]);
  const hasInputs = nodeType.inputs.length > 0 || nodeType.variadicInputs;
  const schema = useUpstreamSchema(client, document, node.id, path, hasInputs);
  const context = useMemo<InspectorContextValue>(() => {
    const mainInput = nodeType.inputs.find((p) => p.name === 'in')?.name ?? nodeType.inputs.find((p) => p.type === 'table')?.name;
    return {
      mainInput,
      issues: nodeIssues,
      columns: (input) => schema.inputs[input],
      columnsNote: (input) => {
        if (schema.inputs[input]) return undefined;
        if (!(input in node.inputs)) return `Connect the "${input}" input to pick from its columns.`;
        if (schema.errors[input]) return `Columns of "${input}" unknown: ${schema.errors[input]}`;
        if (schema.failure) return `Columns unknown: ${schema.failure}`;
        return schema.loading ? 'Reading the input’s columns…' : undefined;
      },
      sqlCompletions: (mode) => {
        if (mode === 'query') return [...portCompletions(Object.keys(node.inputs)), ...mergedColumnCompletions(schema.inputs)];
        const main = mainInput ? schema.inputs[mainInput] : undefined;
        return mergedColumnCompletions(main && mainInput ? { [mainInput]: main } : schema.inputs);
      },
    };
  }, [nodeType, nodeIssues, schema, node.inputs]);

  const extras = Object.keys(form.extra);
  const topIssues = unplacedIssues(nodeIssues, [...fields.map((f) => f.name), ...extras]);

  return (
    <InspectorContext.Provider value={context}>
      <section className="inspector" data-testid="inspector" aria-label={`Params of ${node.label ?? node.id}`}>
        <header className="inspector-head">
          <div className="inspector-title">
            <span className="inspector-label">{node.label ?? node.id}</span>
            <span className="inspector-type" title={`type: ${nodeType.type}`}>
              {nodeType.label}
            </span>
          </div>
          {node.label && <div className="inspector-id">id: {node.id}</div>}
          <HelpText text={nodeType.description} />
        </header>
        {topIssues.length > 0 && (
          <ul className="inspector-issues" data-testid="inspector-issues">
            {topIssues.map((issue, i) => (
              <li key={i} className={issue.severity}>
                {issue.message}
                {issue.hint && <span className="field-issue-hint"> {issue.hint}</span>}
              </li>
            ))}
          </ul>
        )}
        <form className="inspector-form" onSubmit={(e) => e.preventDefault()} autoComplete="off">
          {fields.length === 0 && <p className="inspector-empty">This node has no params.</p>}
          <FieldList fields={fields} form={form} onChange={update} path={[]} />
          {extras.map((name) => (
            <div key={name} className="field has-error" data-testid={`param-${name}`}>
              <span className="field-label">{name}</span>
              <div className="field-issue">
                {nodeType.label} has no param "{name}".{' '}
                <button type="button" className="link-button" onClick={() => update(withoutExtra(form, name))}>
                  Remove it
                </button>
              </div>
            </div>
          ))}
        </form>
        <datalist id={SQL_TYPES_LIST_ID}>
          {SQL_TYPES.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </section>
    </InspectorContext.Provider>
  );
}
