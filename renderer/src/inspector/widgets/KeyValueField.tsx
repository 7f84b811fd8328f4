/**
 * A map edited as rows (derive's expressions, rename's old → new, cast's types, split's fractions):
 * keys picked from the input's columns where they are columns, values in the editor they need.
 */
import type { PipelineIssue } from '../../../../engine/contract/api';
import { CodeEditor } from '../../editor';
import type { FieldSpec } from '../field-model';
import type { KeyValueRow } from '../form-state';
import { useInspector } from '../inspector-context';
import { formatParamPath, issuesWithin, type ParamPath } from '../param-path';
import { rowKeyProblem } from '../key-value-rows';
import { numberFromText, numberProblem } from '../value-text';
import { ColumnCombobox } from './ColumnCombobox';
import { NumberBox, SQL_TYPES_LIST_ID, TextBox } from './SimpleInputs';

type KeyValueSpec = Extract<FieldSpec, { kind: 'key-value' }>;

const KEY_PLACEHOLDER: Record<string, string> = { 'column-map': 'column', 'type-map': 'column', 'expression-map': 'new column' };
const VALUE_PLACEHOLDER: Record<string, string> = { text: 'new name', 'sql-expression': 'SQL expression', 'sql-type': 'type, e.g. DOUBLE', number: 'number' };

interface Props {
  field: KeyValueSpec;
  rows: KeyValueRow[];
  onChange: (rows: KeyValueRow[]) => void;
  path: ParamPath;
  testId?: string;
}

export function KeyValueField({ field, rows, onChange, path, testId }: Props) {
  const ctx = useInspector();
  const keysAreColumns = field.ui !== undefined && ctx.mainInput !== undefined;
  const columns = keysAreColumns && ctx.mainInput ? ctx.columns(ctx.mainInput) : undefined;
  const completions = field.value.kind === 'sql-expression' ? ctx.sqlCompletions('expression') : [];
  const setRow = (index: number, patch: Partial<KeyValueRow>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const keyPlaceholder = (field.ui && KEY_PLACEHOLDER[field.ui]) ?? 'name';
  // Issues inside the map that no row shows (a key since renamed); the map's own issues are under its label.
  const rowPaths = new Set(rows.filter((r) => r.key).map((r) => formatParamPath([...path, r.key])));
  const own = formatParamPath(path);
  const orphans = issuesWithin(ctx.issues, path).filter((i) => i.param !== own && ![...rowPaths].some((p) => i.param === p || i.param?.startsWith(`${p}.`) || i.param?.startsWith(`${p}[`)));

  // Expressions get the full width under their name: a narrow inspector has no room side by side.
  const stacked = field.value.kind === 'sql-expression';
  const valueEditor = (row: KeyValueRow, index: number) => {
    switch (field.value.kind) {
      case 'sql-expression':
        return (
          <CodeEditor
            language="sql"
            compact
            value={row.value}
            onChange={(value) => setRow(index, { value })}
            completions={completions}
            placeholder={VALUE_PLACEHOLDER['sql-expression']}
            ariaLabel={`Expression for ${row.key || 'new column'}`}
            testId="kv-expression"
          />
        );
      case 'number':
        return <NumberBox bounds={field.value} value={row.value} onChange={(value) => setRow(index, { value })} placeholder="0.5" ariaLabel={`Value of ${row.key}`} />;
      default:
        return (
          <TextBox
            value={row.value}
            onChange={(value) => setRow(index, { value })}
            placeholder={VALUE_PLACEHOLDER[field.value.kind]}
            monospace={field.value.kind === 'sql-type'}
            {...(field.value.kind === 'sql-type' ? { list: SQL_TYPES_LIST_ID } : {})}
            ariaLabel={`Value of ${row.key}`}
          />
        );
    }
  };

  return (
    <div className="kv" data-testid={testId}>
      {rows.map((row, index) => {
        const rowIssues: PipelineIssue[] = row.key ? issuesWithin(ctx.issues, [...path, row.key]) : [];
        // The instant check stands in until the engine's own issue for the row arrives.
        const local =
          rowIssues.length > 0 ? undefined : (rowKeyProblem(rows, index, field.keyPattern) ?? (field.value.kind === 'number' ? numberProblem(numberFromText(row.value), field.value) : undefined));
        const invalid = rowIssues.length > 0 || local !== undefined;
        return (
          <div key={index} className={`kv-row${stacked ? ' stacked' : ''}${invalid ? ' invalid' : ''}`} data-testid={`kv-row-${formatParamPath([...path, row.key || String(index)])}`}>
            <div className="kv-cells">
              <div className="kv-key">
                {keysAreColumns ? (
                  <ColumnCombobox value={row.key} onChange={(key) => setRow(index, { key })} columns={columns} placeholder={keyPlaceholder} ariaLabel={`${field.label} name`} />
                ) : (
                  <TextBox value={row.key} onChange={(key) => setRow(index, { key })} placeholder={keyPlaceholder} ariaLabel={`${field.label} name`} />
                )}
              </div>
              {!stacked && (
                <span className="kv-arrow" aria-hidden>
                  →
                </span>
              )}
              {!stacked && <div className="kv-value">{valueEditor(row, index)}</div>}
              <button type="button" className="icon-button" title="Remove this row" aria-label={`Remove ${row.key || 'row'}`} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
                ×
              </button>
            </div>
            {stacked && <div className="kv-value">{valueEditor(row, index)}</div>}
            {local && <div className="field-issue">{local}</div>}
            {rowIssues.map((issue, i) => (
              <div key={i} className="field-issue">
                {issue.message}
              </div>
            ))}
          </div>
        );
      })}
      <button type="button" className="link-button" data-testid="kv-add" onClick={() => onChange([...rows, { key: '', value: '' }])}>
        + Add {field.ui ? 'column' : 'entry'}
      </button>
      {orphans.map((issue, i) => (
        <div key={i} className="field-issue">
          {issue.message}
        </div>
      ))}
    </div>
  );
}
