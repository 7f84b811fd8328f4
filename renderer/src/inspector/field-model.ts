/**
 * JSON Schema of a node's params (draft 2020-12, as zod's toJSONSchema writes it) → the fields of
 * the inspector form. Pure data, no React: each field says which widget edits it and how.
 */

export type UiHint = 'column' | 'columns' | 'sql-expression' | 'sql-query' | 'sql-type' | 'path' | 'column-map' | 'expression-map' | 'type-map';
export type ScalarType = 'string' | 'number' | 'integer' | 'boolean' | 'null';
export type JsonScalar = string | number | boolean | null;

export interface NumberBounds {
  integer: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

interface FieldBase {
  /** The param's key in YAML. */
  name: string;
  label: string;
  description?: string;
  required: boolean;
  /** The schema's default, shown as a placeholder. */
  defaultValue?: unknown;
  /** Only meaningful for one choice of a sibling select (`min` for `check: between`): hidden otherwise while empty. */
  showWhen?: { field: string; value: string };
}

export type FieldSpec = FieldBase &
  (
    | { kind: 'text'; ui?: 'path' | 'sql-type'; pattern?: string; minLength?: number; maxLength?: number }
    | { kind: 'sql'; mode: 'expression' | 'query' }
    | { kind: 'column'; input: string }
    | { kind: 'columns'; input: string }
    | ({ kind: 'number' } & NumberBounds)
    | { kind: 'boolean' }
    | { kind: 'enum'; options: JsonScalar[] }
    | { kind: 'multi-enum'; options: string[] }
    | ({ kind: 'number-list' } & NumberBounds)
    | { kind: 'scalar'; types: ScalarType[] }
    | { kind: 'scalar-list'; types: ScalarType[] }
    | { kind: 'tuple'; slots: (NumberBounds & { nullable: boolean })[] }
    | { kind: 'key-value'; ui?: 'column-map' | 'expression-map' | 'type-map'; keyPattern?: string; value: KeyValueValue }
    | { kind: 'object'; fields: FieldSpec[] }
    | { kind: 'object-list'; fields: FieldSpec[]; shorthand?: string }
    | { kind: 'json' }
  );

/** How the values of a key-value map are edited. */
export type KeyValueValue = { kind: 'text' } | { kind: 'sql-expression' } | { kind: 'sql-type' } | ({ kind: 'number' } & NumberBounds);

export type FieldKind = FieldSpec['kind'];

type Schema = Record<string, unknown>;

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** `left_on` → `Left on` */
export function labelFor(name: string): string {
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function typesOf(schema: Schema): ScalarType[] {
  const t = schema.type;
  const list = Array.isArray(t) ? t : t === undefined ? [] : [t];
  return list.filter((x): x is ScalarType => ['string', 'number', 'integer', 'boolean', 'null'].includes(String(x)));
}

/** anyOf [X, null] → X (nullable); the outer schema's description, default and hints are kept. */
function unwrap(schema: Schema): { schema: Schema; nullable: boolean } {
  const { anyOf, ...outer } = schema;
  if (!Array.isArray(anyOf)) {
    const types = typesOf(schema);
    if (types.includes('null') && types.length === 2) return { schema: { ...schema, type: types.find((t) => t !== 'null') }, nullable: true };
    return { schema, nullable: false };
  }
  const variants = anyOf.filter(isSchema);
  const nonNull = variants.filter((v) => v.type !== 'null');
  const nullable = nonNull.length < variants.length;
  if (nonNull.length === 1 && nonNull[0]) return { schema: { ...nonNull[0], ...outer }, nullable };
  const scalarTypes = nonNull.map((v) => (typeof v.type === 'string' && Object.keys(v).every((k) => ['type', 'description'].includes(k)) ? v.type : undefined));
  if (scalarTypes.every((t) => t !== undefined)) return { schema: { ...outer, type: [...scalarTypes, ...(nullable ? ['null'] : [])] }, nullable: false };
  return { schema, nullable };
}

function bounds(schema: Schema): NumberBounds {
  const b: NumberBounds = { integer: schema.type === 'integer' };
  for (const key of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const) {
    const value = num(schema[key]);
    if (value !== undefined) b[key] = value;
  }
  return b;
}

function keyValueValue(schema: unknown): KeyValueValue | undefined {
  if (!isSchema(schema)) return { kind: 'text' };
  const { schema: s } = unwrap(schema);
  if (s.ui === 'sql-expression') return { kind: 'sql-expression' };
  if (s.ui === 'sql-type') return { kind: 'sql-type' };
  if (s.type === 'number' || s.type === 'integer') return { kind: 'number', ...bounds(s) };
  if (s.type === 'string' && s.enum === undefined) return { kind: 'text' };
  return undefined;
}

/** `order_by: [name | {column, descending}]`: the object form, with a string meaning `{column: name}`. */
function shorthandItems(items: Schema, parentInput: string | undefined): { fields: FieldSpec[]; shorthand: string } | undefined {
  const variants = Array.isArray(items.anyOf) ? items.anyOf.filter(isSchema) : [];
  const object = variants.find((v) => v.type === 'object');
  if (variants.length !== 2 || !object || !variants.some((v) => v.type === 'string')) return undefined;
  const required = Array.isArray(object.required) ? object.required.filter((r): r is string => typeof r === 'string') : [];
  const shorthand = required[0];
  if (!shorthand || required.length !== 1) return undefined;
  const fields = fieldsFromSchema(object, { hints: { [shorthand]: { ui: 'column', input: parentInput ?? 'in' } } });
  return { fields, shorthand };
}

function arrayField(base: FieldBase, schema: Schema): FieldSpec {
  const input = str(schema.input);
  if (Array.isArray(schema.prefixItems)) {
    const slots = schema.prefixItems.filter(isSchema).map((slot) => {
      const { schema: s, nullable } = unwrap(slot);
      return { ...bounds(s), nullable };
    });
    return { ...base, kind: 'tuple', slots };
  }
  const items = isSchema(schema.items) ? schema.items : {};
  const shorthand = shorthandItems(items, input);
  if (shorthand) return { ...base, kind: 'object-list', ...shorthand };
  const { schema: item } = unwrap(items);
  if (schema.ui === 'columns') return { ...base, kind: 'columns', input: input ?? 'in' };
  if (Array.isArray(item.enum) && item.enum.every((e) => typeof e === 'string')) return { ...base, kind: 'multi-enum', options: item.enum as string[] };
  if (item.type === 'object' && isSchema(item.properties)) return { ...base, kind: 'object-list', fields: fieldsFromSchema(item) };
  const types = typesOf(item);
  if (types.length === 1 && (types[0] === 'number' || types[0] === 'integer')) return { ...base, kind: 'number-list', ...bounds(item) };
  if (types.length > 0) return { ...base, kind: 'scalar-list', types };
  return { ...base, kind: 'json' };
}

function objectField(base: FieldBase, schema: Schema): FieldSpec {
  if (isSchema(schema.properties)) return { ...base, kind: 'object', fields: fieldsFromSchema(schema) };
  const value = keyValueValue(schema.additionalProperties);
  if (value === undefined) return { ...base, kind: 'json' };
  const ui = schema.ui === 'column-map' || schema.ui === 'expression-map' || schema.ui === 'type-map' ? schema.ui : undefined;
  const keyPattern = isSchema(schema.propertyNames) ? str(schema.propertyNames.pattern) : undefined;
  return { ...base, kind: 'key-value', ...(ui ? { ui } : {}), ...(keyPattern ? { keyPattern } : {}), value };
}

export function fieldFromSchema(name: string, raw: Schema, required: boolean): FieldSpec {
  const { schema } = unwrap(raw);
  const description = str(schema.description) ?? str(raw.description);
  const base: FieldBase = { name, label: labelFor(name), required, ...(description ? { description } : {}) };
  if ('default' in schema) base.defaultValue = schema.default;
  const ui = str(schema.ui);
  if (Array.isArray(schema.enum)) return { ...base, kind: 'enum', options: schema.enum.filter((e): e is JsonScalar => e === null || ['string', 'number', 'boolean'].includes(typeof e)) };
  const types = typesOf(schema);
  if (types.length > 1) return { ...base, kind: 'scalar', types };
  switch (types[0] ?? schema.type) {
    case 'string':
      if (ui === 'column') return { ...base, kind: 'column', input: str(schema.input) ?? 'in' };
      if (ui === 'sql-expression' || ui === 'sql-query') return { ...base, kind: 'sql', mode: ui === 'sql-query' ? 'query' : 'expression' };
      return {
        ...base,
        kind: 'text',
        ...(ui === 'path' || ui === 'sql-type' ? { ui } : {}),
        ...(str(schema.pattern) ? { pattern: str(schema.pattern) } : {}),
        ...(num(schema.minLength) !== undefined ? { minLength: num(schema.minLength) } : {}),
        ...(num(schema.maxLength) !== undefined ? { maxLength: num(schema.maxLength) } : {}),
      };
    case 'number':
    case 'integer':
      return { ...base, kind: 'number', ...bounds(schema) };
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'array':
      return arrayField(base, schema);
    case 'object':
      return objectField(base, schema);
    default:
      return { ...base, kind: 'json' };
  }
}

/**
 * Node authors start the description of a param that matters for one choice only with that choice:
 * `between: smallest allowed value`, `mlp: units per hidden layer`. Link such fields to the select.
 */
function linkConditionalFields(fields: FieldSpec[]): FieldSpec[] {
  const selects = fields.filter((f): f is Extract<FieldSpec, { kind: 'enum' }> => f.kind === 'enum');
  return fields.map((field) => {
    const prefix = /^([A-Za-z_]+):\s/.exec(field.description ?? '')?.[1]?.toLowerCase();
    if (!prefix || field.required) return field;
    for (const select of selects) {
      const option = select.options.find((o) => typeof o === 'string' && o.toLowerCase() === prefix);
      if (select !== field && typeof option === 'string') return { ...field, showWhen: { field: select.name, value: option } };
    }
    return field;
  });
}

/** The fields of an object schema, in the schema's order. `hints` adds UI hints the schema lacks. */
export function fieldsFromSchema(schema: Schema, options: { hints?: Record<string, Schema> } = {}): FieldSpec[] {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const fields = Object.entries(properties)
    .filter((entry): entry is [string, Schema] => isSchema(entry[1]))
    .map(([name, property]) => fieldFromSchema(name, { ...property, ...(options.hints?.[name] ?? {}) }, required.has(name)));
  return linkConditionalFields(fields);
}
