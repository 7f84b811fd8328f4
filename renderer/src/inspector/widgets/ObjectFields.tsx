/** Nested params: an object as a sub-form (assert's row_count), a list of objects as repeatable sub-forms (sort's by). */
import type { FieldSpec } from '../field-model';
import { formFromParams, type Draft, type FormState } from '../form-state';
import { FieldList } from '../FieldList';
import type { ParamPath } from '../param-path';

type ObjectSpec = Extract<FieldSpec, { kind: 'object' }>;
type ObjectListSpec = Extract<FieldSpec, { kind: 'object-list' }>;

interface ObjectFieldProps {
  field: ObjectSpec;
  draft: Draft;
  onDraft: (draft: Draft) => void;
  path: ParamPath;
  testId?: string;
}

export function ObjectField({ field, draft, onDraft, path, testId }: ObjectFieldProps) {
  const form = draft.kind === 'object' ? draft.form : formFromParams(field.fields, {});
  return (
    <div className="subform" data-testid={testId}>
      <FieldList fields={field.fields} form={form} onChange={(next) => onDraft({ kind: 'object', form: next })} path={path} />
    </div>
  );
}

interface ObjectListFieldProps {
  field: ObjectListSpec;
  draft: Draft;
  onDraft: (draft: Draft) => void;
  path: ParamPath;
  testId?: string;
}

/** `checks` → `check`, `by` → `key`: what the add button adds. */
function itemNoun(field: ObjectListSpec): string {
  if (field.shorthand === 'column' || field.name === 'by') return 'sort key';
  if (field.name.endsWith('s')) return field.name.slice(0, -1).replace(/_/g, ' ');
  return 'item';
}

export function ObjectListField({ field, draft, onDraft, path, testId }: ObjectListFieldProps) {
  const forms = draft.kind === 'objects' ? draft.forms : [];
  const set = (next: FormState[]) => onDraft({ kind: 'objects', forms: next });
  const move = (from: number, to: number) => {
    const next = [...forms];
    const [item] = next.splice(from, 1);
    if (item) next.splice(to, 0, item);
    set(next);
  };
  const noun = itemNoun(field);
  return (
    <div className="object-list" data-testid={testId}>
      {forms.map((form, index) => (
        <div key={index} className="subform subform-item" data-testid="list-item">
          <div className="subform-head">
            <span className="subform-index">{index + 1}</span>
            <span className="subform-actions">
              <button type="button" className="icon-button" title="Move up" aria-label="Move up" disabled={index === 0} onClick={() => move(index, index - 1)}>
                ↑
              </button>
              <button type="button" className="icon-button" title="Move down" aria-label="Move down" disabled={index === forms.length - 1} onClick={() => move(index, index + 1)}>
                ↓
              </button>
              <button type="button" className="icon-button" title={`Remove this ${noun}`} aria-label={`Remove ${noun} ${index + 1}`} onClick={() => set(forms.filter((_, i) => i !== index))}>
                ×
              </button>
            </span>
          </div>
          <FieldList fields={field.fields} form={form} onChange={(next) => set(forms.map((f, i) => (i === index ? next : f)))} path={[...path, index]} />
        </div>
      ))}
      <button type="button" className="link-button" data-testid="list-add" onClick={() => set([...forms, formFromParams(field.fields, {})])}>
        + Add {noun}
      </button>
    </div>
  );
}
