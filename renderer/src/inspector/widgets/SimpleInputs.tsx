/** The one-line widgets: text, number, checkbox, select, and a pair of numbers (window frames). */
import type { FieldSpec, JsonScalar, NumberBounds } from '../field-model';
import { boundsText } from '../value-text';

export const SQL_TYPES_LIST_ID = 'mr-sql-types';
export const SQL_TYPES = [
  'BOOLEAN', 'TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UBIGINT', 'FLOAT', 'DOUBLE', 'DECIMAL(18,3)',
  'VARCHAR', 'DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMPTZ', 'INTERVAL', 'BLOB', 'UUID',
];

/** A default as a placeholder: `64, 32`, `inner`, `42`. */
export function defaultText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

interface TextBoxProps {
  id?: string;
  value: string;
  onChange: (text: string) => void;
  placeholder?: string;
  invalid?: boolean;
  monospace?: boolean;
  list?: string;
  testId?: string;
  ariaLabel?: string;
}

export function TextBox({ id, value, onChange, placeholder, invalid, monospace, list, testId, ariaLabel }: TextBoxProps) {
  return (
    <input
      id={id}
      className={`field-input${invalid ? ' invalid' : ''}${monospace ? ' mono' : ''}`}
      value={value}
      placeholder={placeholder}
      list={list}
      spellCheck={false}
      aria-label={ariaLabel}
      aria-invalid={invalid || undefined}
      data-testid={testId}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

interface NumberBoxProps extends Omit<TextBoxProps, 'list' | 'monospace'> {
  bounds: NumberBounds;
}

/** A text box for numbers (so `0.` and `1e` can be typed), ↑/↓ step whole numbers, with the range as a hint. */
export function NumberBox({ bounds, ...props }: NumberBoxProps) {
  const range = boundsText(bounds);
  const step = (delta: number) => {
    const current = Number(props.value || props.placeholder || 0);
    if (!Number.isFinite(current)) return;
    let next = current + delta;
    if (bounds.minimum !== undefined) next = Math.max(bounds.minimum, next);
    if (bounds.maximum !== undefined) next = Math.min(bounds.maximum, next);
    props.onChange(String(next));
  };
  return (
    <span className="number-box">
      <input
        id={props.id}
        className={`field-input${props.invalid ? ' invalid' : ''}`}
        value={props.value}
        placeholder={props.placeholder}
        inputMode={bounds.integer ? 'numeric' : 'decimal'}
        spellCheck={false}
        aria-label={props.ariaLabel}
        aria-invalid={props.invalid || undefined}
        data-testid={props.testId}
        title={range ? `Allowed: ${range}${bounds.integer ? ' (↑/↓ to step)' : ''}` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
        onKeyDown={(e) => {
          if (!bounds.integer || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
          e.preventDefault();
          step(e.key === 'ArrowUp' ? 1 : -1);
        }}
      />
      {range && <span className="number-range">{range}</span>}
    </span>
  );
}

interface CheckboxProps {
  id?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  testId?: string;
}

export function Checkbox({ id, checked, onChange, label, testId }: CheckboxProps) {
  return (
    <label className="checkbox">
      <input id={id} type="checkbox" checked={checked} data-testid={testId} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

interface EnumSelectProps {
  id?: string;
  field: Extract<FieldSpec, { kind: 'enum' }>;
  value: JsonScalar | undefined;
  onChange: (value: JsonScalar | undefined) => void;
  invalid?: boolean;
  testId?: string;
}

/** Options by index (values may be numbers or booleans); the default is marked, choosing it leaves the param out. */
export function EnumSelect({ id, field, value, onChange, invalid, testId }: EnumSelectProps) {
  const hasDefault = field.defaultValue !== undefined;
  const shown = value !== undefined ? value : field.defaultValue;
  const index = field.options.findIndex((o) => o === shown);
  const unknown = value !== undefined && index === -1;
  return (
    <select
      id={id}
      className={`field-input${invalid || unknown ? ' invalid' : ''}`}
      value={index === -1 ? (unknown ? 'unknown' : '') : String(index)}
      data-testid={testId}
      onChange={(e) => {
        if (e.target.value === '') return onChange(undefined);
        const option = field.options[Number(e.target.value)];
        onChange(option === undefined || (hasDefault && option === field.defaultValue) ? undefined : option);
      }}
    >
      {!hasDefault && <option value="">{field.required ? 'Choose…' : '—'}</option>}
      {unknown && <option value="unknown">{String(value)} (not an option)</option>}
      {field.options.map((option, i) => (
        <option key={String(option)} value={String(i)}>
          {String(option)}
          {hasDefault && option === field.defaultValue ? ' (default)' : ''}
        </option>
      ))}
    </select>
  );
}

interface TupleBoxProps {
  field: Extract<FieldSpec, { kind: 'tuple' }>;
  slots: string[] | undefined;
  onChange: (slots: string[] | undefined) => void;
  testId?: string;
}

const SLOT_LABELS: Record<string, string[]> = { frame_rows: ['preceding', 'following'] };

/** A fixed-length list of numbers; an empty slot is null (e.g. "unbounded"). Unset until "Set" is clicked. */
export function TupleBox({ field, slots, onChange, testId }: TupleBoxProps) {
  if (slots === undefined) {
    return (
      <button type="button" className="link-button" data-testid={testId} onClick={() => onChange(field.slots.map((s, i) => (s.nullable && i === 0 ? '' : '0')))}>
        Set {field.label.toLowerCase()}
      </button>
    );
  }
  const labels = SLOT_LABELS[field.name] ?? field.slots.map((_, i) => `#${i + 1}`);
  return (
    <span className="tuple" data-testid={testId}>
      {field.slots.map((slot, i) => (
        <label key={i} className="tuple-slot">
          <span>{labels[i]}</span>
          <NumberBox bounds={slot} value={slots[i] ?? ''} placeholder={slot.nullable ? 'unbounded' : ''} onChange={(text) => onChange(slots.map((s, j) => (j === i ? text : s)))} />
        </label>
      ))}
      <button type="button" className="icon-button" title="Use the default" aria-label="Clear" onClick={() => onChange(undefined)}>
        ×
      </button>
    </span>
  );
}
