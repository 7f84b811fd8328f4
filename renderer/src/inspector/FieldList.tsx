/**
 * The form's rows: for each field its label, widget, help text and the issues about it (from the
 * engine's validation, placed by param path, plus instant checks such as number bounds).
 */
import { useId, type ReactNode } from 'react';
import type { FieldSpec } from './field-model';
import { draftFromValue, isFieldShown, valueFromDraft, withDraft, type Draft, type FormState } from './form-state';
import { useInspector } from './inspector-context';
import { formatParamPath, issuesAt, issuesWithin, type ParamPath } from './param-path';
import { numberProblem } from './value-text';
import { FieldWidget } from './FieldWidget';

interface FieldListProps {
  fields: readonly FieldSpec[];
  form: FormState;
  onChange: (form: FormState) => void;
  path: ParamPath;
}

export function FieldList({ fields, form, onChange, path }: FieldListProps) {
  return (
    <>
      {fields.filter((field) => isFieldShown(field, fields, form)).map((field) => (
        <FieldRow
          key={field.name}
          field={field}
          draft={form.drafts[field.name] ?? draftFromValue(field, undefined)}
          onDraft={(draft) => onChange(withDraft(form, field.name, draft))}
          path={[...path, field.name]}
        />
      ))}
    </>
  );
}

/** Kinds whose entries have no field of their own: issues about `columns[2]` show under `columns`. */
const OWNS_ENTRIES = new Set<FieldSpec['kind']>(['columns', 'multi-enum', 'scalar-list', 'number-list', 'tuple', 'json']);

/** `code` in descriptions as code. */
export function HelpText({ text }: { text: string }): ReactNode {
  return (
    <div className="field-help">
      {text.split(/(`[^`]+`)/).map((part, i) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? <code key={i}>{part.slice(1, -1)}</code> : part))}
    </div>
  );
}

function localProblem(field: FieldSpec, draft: Draft): string | undefined {
  if (field.kind === 'number') return numberProblem(valueFromDraft(field, draft), field);
  if (field.kind === 'number-list') {
    const values = valueFromDraft(field, draft);
    return Array.isArray(values) ? values.map((v) => numberProblem(v, field)).find(Boolean) : undefined;
  }
  return undefined;
}

interface FieldRowProps {
  field: FieldSpec;
  draft: Draft;
  onDraft: (draft: Draft) => void;
  path: ParamPath;
}

function FieldRow({ field, draft, onDraft, path }: FieldRowProps) {
  const ctx = useInspector();
  const id = useId();
  const pathText = formatParamPath(path);
  const issues = OWNS_ENTRIES.has(field.kind) ? issuesWithin(ctx.issues, path) : issuesAt(ctx.issues, path);
  // The instant check stands in until the engine's own issue arrives.
  const local = issues.length > 0 ? undefined : localProblem(field, draft);
  const invalid = issues.some((i) => i.severity === 'error') || local !== undefined;
  const inline = field.kind === 'boolean';
  const grouped = field.kind === 'object' || field.kind === 'object-list';
  return (
    <div className={`field field-${field.kind}${invalid ? ' has-error' : ''}`} data-testid={`param-${pathText}`} data-kind={field.kind}>
      {!inline && (
        <label className={`field-label${grouped ? ' field-label-group' : ''}`} htmlFor={grouped ? undefined : id} title={`${pathText} in YAML`}>
          {field.label}
          {field.required && (
            <span className="field-required" title="Required">
              *
            </span>
          )}
        </label>
      )}
      <FieldWidget id={id} field={field} draft={draft} onDraft={onDraft} path={path} invalid={invalid} />
      {local && <div className="field-issue">{local}</div>}
      {issues.map((issue, i) => (
        <div key={i} className={`field-issue${issue.severity === 'warning' ? ' warning' : ''}`} data-testid={`param-issue-${pathText}`}>
          {issue.message}
          {issue.hint && <span className="field-issue-hint"> {issue.hint}</span>}
        </div>
      ))}
      {field.description && <HelpText text={field.description} />}
    </div>
  );
}
