/** Which widget edits a field, by its kind (see field-model.ts). */
import { CodeEditor } from '../editor';
import type { FieldSpec } from './field-model';
import type { Draft } from './form-state';
import { useInspector } from './inspector-context';
import { formatParamPath, type ParamPath } from './param-path';
import { ColumnChips } from './widgets/ColumnChips';
import { ColumnCombobox } from './widgets/ColumnCombobox';
import { EnumPills } from './widgets/EnumPills';
import { KeyValueField } from './widgets/KeyValueField';
import { ObjectField, ObjectListField } from './widgets/ObjectFields';
import { Checkbox, defaultText, EnumSelect, NumberBox, SQL_TYPES_LIST_ID, TextBox, TupleBox } from './widgets/SimpleInputs';
import { ValueChips } from './widgets/ValueChips';

export interface FieldWidgetProps {
  id: string;
  field: FieldSpec;
  draft: Draft;
  onDraft: (draft: Draft) => void;
  path: ParamPath;
  invalid: boolean;
}

export function FieldWidget({ id, field, draft, onDraft, path, invalid }: FieldWidgetProps) {
  const ctx = useInspector();
  const testId = `param-input-${formatParamPath(path)}`;
  const placeholder = defaultText(field.defaultValue);
  const text = draft.kind === 'text' ? draft.text : '';
  const setText = (t: string) => onDraft({ kind: 'text', text: t });
  const items = draft.kind === 'list' ? draft.items : [];
  const setItems = (next: string[]) => onDraft({ kind: 'list', items: next });

  switch (field.kind) {
    case 'text':
      return (
        <TextBox
          id={id}
          value={text}
          onChange={setText}
          placeholder={placeholder ?? (field.ui === 'path' ? 'relative to the pipeline file' : undefined)}
          invalid={invalid}
          monospace={field.ui !== undefined}
          {...(field.ui === 'sql-type' ? { list: SQL_TYPES_LIST_ID } : {})}
          testId={testId}
        />
      );
    case 'json':
      return <TextBox id={id} value={text} onChange={setText} placeholder={placeholder ?? 'JSON'} invalid={invalid} monospace testId={testId} />;
    case 'number':
      return <NumberBox id={id} bounds={field} value={text} onChange={setText} placeholder={placeholder} invalid={invalid} testId={testId} />;
    case 'number-list':
      return <TextBox id={id} value={text} onChange={setText} placeholder={placeholder ?? 'e.g. 64, 32'} invalid={invalid} testId={testId} />;
    case 'scalar':
      return <TextBox id={id} value={text} onChange={setText} placeholder={placeholder ?? 'a value; "42" in quotes for text'} invalid={invalid} testId={testId} />;
    case 'boolean': {
      const fallback = field.defaultValue === true;
      const checked = draft.kind === 'boolean' && draft.value !== undefined ? draft.value : fallback;
      // Back to the default: leave the param out.
      return <Checkbox id={id} label={field.label} checked={checked} onChange={(on) => onDraft({ kind: 'boolean', value: on === fallback ? undefined : on })} testId={testId} />;
    }
    case 'enum':
      return <EnumSelect id={id} field={field} value={draft.kind === 'enum' ? draft.value : undefined} onChange={(value) => onDraft({ kind: 'enum', value })} invalid={invalid} testId={testId} />;
    case 'column': {
      const columns = ctx.columns(field.input);
      return (
        <>
          <ColumnCombobox value={text} onChange={setText} columns={columns} placeholder={placeholder ?? 'column'} invalid={invalid} testId={testId} ariaLabel={field.label} />
          <ColumnsNote input={field.input} />
        </>
      );
    }
    case 'columns':
      return (
        <>
          <ColumnChips items={items} onChange={setItems} columns={ctx.columns(field.input)} placeholder={placeholder ? `default: ${placeholder}` : undefined} invalid={invalid} testId={testId} />
          <ColumnsNote input={field.input} />
        </>
      );
    case 'multi-enum':
      return <EnumPills options={field.options} items={items} onChange={setItems} testId={testId} />;
    case 'scalar-list':
      return <ValueChips items={items} onChange={setItems} testId={testId} />;
    case 'tuple':
      return <TupleBox field={field} slots={draft.kind === 'tuple' ? draft.slots : undefined} onChange={(slots) => onDraft({ kind: 'tuple', slots })} testId={testId} />;
    case 'sql':
      return (
        <CodeEditor
          language="sql"
          value={text}
          onChange={setText}
          completions={ctx.sqlCompletions(field.mode)}
          {...(field.mode === 'query' ? { height: 'auto', minHeight: 120, maxHeight: 360 } : { compact: true })}
          placeholder={field.mode === 'query' ? 'SELECT … FROM {{in}}' : 'SQL expression, e.g. "Body Mass (g)" > 4000'}
          ariaLabel={field.label}
          testId={testId}
        />
      );
    case 'key-value':
      return <KeyValueField field={field} rows={draft.kind === 'rows' ? draft.rows : []} onChange={(rows) => onDraft({ kind: 'rows', rows })} path={path} testId={testId} />;
    case 'object':
      return <ObjectField field={field} draft={draft} onDraft={onDraft} path={path} testId={testId} />;
    case 'object-list':
      return <ObjectListField field={field} draft={draft} onDraft={onDraft} path={path} testId={testId} />;
  }
}

function ColumnsNote({ input }: { input: string }) {
  const note = useInspector().columnsNote(input);
  return note ? <div className="field-note">{note}</div> : null;
}
