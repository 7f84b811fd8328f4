/**
 * params ↔ form state. The form keeps what the user is typing (`0.` in a number box, a map row
 * without a key yet); params are derived from it, leaving out empty optional values so the YAML
 * stays minimal. Params the schema does not know are carried through untouched.
 */
import type { FieldSpec, JsonScalar } from './field-model';
import {
  jsonFromText,
  numberFromText,
  numberListFromText,
  scalarFromText,
  textFromJson,
  textFromNumber,
  textFromNumberList,
  textFromScalar,
} from './value-text';

export interface KeyValueRow {
  key: string;
  value: string;
}

export type Draft =
  | { kind: 'text'; text: string }
  | { kind: 'boolean'; value: boolean | undefined }
  | { kind: 'enum'; value: JsonScalar | undefined }
  | { kind: 'list'; items: string[] }
  | { kind: 'tuple'; slots: string[] | undefined }
  | { kind: 'rows'; rows: KeyValueRow[] }
  | { kind: 'object'; form: FormState }
  | { kind: 'objects'; forms: FormState[] };

export interface FormState {
  drafts: Record<string, Draft>;
  /** Params not in the schema (typos, params of a newer version): kept so nothing is lost. */
  extra: Record<string, unknown>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function draftFromValue(field: FieldSpec, value: unknown): Draft {
  switch (field.kind) {
    case 'text':
    case 'sql':
    case 'column':
      return { kind: 'text', text: textOf(value) };
    case 'number':
      return { kind: 'text', text: textFromNumber(value) };
    case 'number-list':
      return { kind: 'text', text: textFromNumberList(value) };
    case 'scalar':
      return { kind: 'text', text: textFromScalar(value, field.types) };
    case 'json':
      return { kind: 'text', text: textFromJson(value) };
    case 'boolean':
      return { kind: 'boolean', value: typeof value === 'boolean' ? value : undefined };
    case 'enum':
      return { kind: 'enum', value: value === undefined ? undefined : (value as JsonScalar) };
    case 'columns':
    case 'multi-enum':
      return { kind: 'list', items: Array.isArray(value) ? value.map(textOf) : [] };
    case 'scalar-list':
      return { kind: 'list', items: Array.isArray(value) ? value.map((v) => textFromScalar(v, field.types)) : [] };
    case 'tuple':
      return { kind: 'tuple', slots: Array.isArray(value) ? value.map((v) => (v === null ? '' : textFromNumber(v))) : undefined };
    case 'key-value':
      return {
        kind: 'rows',
        rows: isRecord(value) ? Object.entries(value).map(([key, v]) => ({ key, value: field.value.kind === 'number' ? textFromNumber(v) : textOf(v) })) : [],
      };
    case 'object':
      return { kind: 'object', form: formFromParams(field.fields, isRecord(value) ? value : {}) };
    case 'object-list': {
      const items = Array.isArray(value) ? value : [];
      const { shorthand } = field;
      return {
        kind: 'objects',
        forms: items.map((item) => formFromParams(field.fields, typeof item === 'string' && shorthand ? { [shorthand]: item } : isRecord(item) ? item : {})),
      };
    }
  }
}

/** The param value a draft stands for; undefined means "leave the param out". */
export function valueFromDraft(field: FieldSpec, draft: Draft): unknown {
  switch (draft.kind) {
    case 'text':
      if (field.kind === 'number') return numberFromText(draft.text);
      if (field.kind === 'number-list') return numberListFromText(draft.text);
      if (field.kind === 'scalar') return scalarFromText(draft.text, field.types);
      if (field.kind === 'json') return jsonFromText(draft.text);
      return draft.text === '' ? undefined : draft.text;
    case 'boolean':
    case 'enum':
      return draft.value;
    case 'list': {
      const items = draft.items.filter((item) => item !== '');
      if (items.length === 0) return undefined;
      return field.kind === 'scalar-list' ? items.map((item) => scalarFromText(item, field.types)) : items;
    }
    case 'tuple':
      return draft.slots?.map((slot) => (slot.trim() === '' ? null : numberFromText(slot)));
    case 'rows': {
      const entries = draft.rows.filter((row) => row.key !== '');
      if (entries.length === 0) return undefined;
      const number = field.kind === 'key-value' && field.value.kind === 'number';
      return Object.fromEntries(entries.map((row) => [row.key, number ? (numberFromText(row.value) ?? '') : row.value]));
    }
    case 'object': {
      const params = paramsFromForm(field.kind === 'object' ? field.fields : [], draft.form);
      return Object.keys(params).length === 0 ? undefined : params;
    }
    case 'objects': {
      if (field.kind !== 'object-list' || draft.forms.length === 0) return undefined;
      return draft.forms.map((form) => {
        const item = paramsFromForm(field.fields, form);
        const keys = Object.keys(item);
        return field.shorthand && keys.length === 1 && keys[0] === field.shorthand && typeof item[field.shorthand] === 'string' ? item[field.shorthand] : item;
      });
    }
  }
}

export function formFromParams(fields: readonly FieldSpec[], params: Record<string, unknown>): FormState {
  const known = new Set(fields.map((f) => f.name));
  const drafts: Record<string, Draft> = {};
  for (const field of fields) drafts[field.name] = draftFromValue(field, params[field.name]);
  const extra = Object.fromEntries(Object.entries(params).filter(([key]) => !known.has(key)));
  return { drafts, extra };
}

export function paramsFromForm(fields: readonly FieldSpec[], form: FormState): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const field of fields) {
    const draft = form.drafts[field.name];
    const value = draft === undefined ? undefined : valueFromDraft(field, draft);
    if (value !== undefined) params[field.name] = value;
  }
  return { ...params, ...form.extra };
}

/** Whether a field linked to a choice (see showWhen) is shown: when that choice is made, or it has a value. */
export function isFieldShown(field: FieldSpec, fields: readonly FieldSpec[], form: FormState): boolean {
  if (!field.showWhen) return true;
  const own = form.drafts[field.name];
  if (own && valueFromDraft(field, own) !== undefined) return true;
  const select = fields.find((f) => f.name === field.showWhen?.field);
  const draft = form.drafts[field.showWhen.field];
  const chosen = draft?.kind === 'enum' && draft.value !== undefined ? draft.value : select?.defaultValue;
  return chosen === field.showWhen.value;
}

/** The form with one field's draft replaced (a new object: React state). */
export function withDraft(form: FormState, name: string, draft: Draft): FormState {
  return { ...form, drafts: { ...form.drafts, [name]: draft } };
}

export function withoutExtra(form: FormState, name: string): FormState {
  const extra = { ...form.extra };
  delete extra[name];
  return { ...form, extra };
}

/** Deep equality of JSON values, ignoring key order (params from YAML and from the form differ in it). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    const otherKeys = Object.keys(b).filter((k) => b[k] !== undefined);
    return keys.length === otherKeys.length && keys.every((k) => sameJson(a[k], b[k]));
  }
  return false;
}
