/**
 * Text ↔ value for the form's text boxes. What cannot be read as the expected type is kept as
 * the text the user typed, so the engine's validation names the problem inline (nothing is lost).
 */
import type { ScalarType } from './field-model';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function isNumberText(text: string): boolean {
  return NUMBER.test(text.trim());
}

/** '' → undefined; '0.5' → 0.5; 'abc' → 'abc' (left for validation to flag). */
export function numberFromText(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return isNumberText(trimmed) ? Number(trimmed) : text;
}

export function textFromNumber(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** [64, 32] ↔ '64, 32' */
export function numberListFromText(text: string): (number | string)[] | undefined {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  return parts.length === 0 ? undefined : parts.map((p) => (isNumberText(p) ? Number(p) : p));
}

export function textFromNumberList(value: unknown): string {
  if (!Array.isArray(value)) return value === undefined ? '' : JSON.stringify(value);
  return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
}

/**
 * A value of a param that takes several types (`value: 0`, `value: 'n/a'`, `min: 2020-01-01`):
 * typed as YAML would read it, with JSON quotes to force text: `"42"` is the text 42.
 */
export function scalarFromText(text: string, types: readonly ScalarType[]): string | number | boolean | null | undefined {
  if (text === '') return undefined;
  const allows = (t: ScalarType) => types.includes(t);
  if (/^".*"$/s.test(text)) {
    try {
      return JSON.parse(text) as string;
    } catch {
      return text;
    }
  }
  if (allows('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  if (allows('null') && text === 'null') return null;
  if ((allows('number') || allows('integer')) && isNumberText(text)) return Number(text.trim());
  return text;
}

export function textFromScalar(value: unknown, types: readonly ScalarType[]): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') return JSON.stringify(value);
  const ambiguous = value === '' || /^".*"$/s.test(value) || scalarFromText(value, types) !== value;
  return ambiguous ? JSON.stringify(value) : value;
}

/** Any JSON value as text (the fallback widget); text that is not JSON stays text. */
export function jsonFromText(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function textFromJson(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' && jsonFromText(value) === value ? value : JSON.stringify(value);
}

/** `0 – 1`, `≥ 0`, `> 0`: the allowed range, for a hint next to a number box. */
export function boundsText(b: { minimum?: number; maximum?: number; exclusiveMinimum?: number; exclusiveMaximum?: number }): string | undefined {
  const low = b.minimum !== undefined ? { n: b.minimum, strict: false } : b.exclusiveMinimum !== undefined ? { n: b.exclusiveMinimum, strict: true } : undefined;
  const high = b.maximum !== undefined ? { n: b.maximum, strict: false } : b.exclusiveMaximum !== undefined ? { n: b.exclusiveMaximum, strict: true } : undefined;
  // JavaScript's safe-integer limit is the schema's way of saying "no upper bound".
  const realHigh = high && high.n < Number.MAX_SAFE_INTEGER ? high : undefined;
  if (low && realHigh && !low.strict && !realHigh.strict) return `${low.n} – ${realHigh.n}`;
  const parts = [low ? `${low.strict ? '>' : '≥'} ${low.n}` : '', realHigh ? `${realHigh.strict ? '<' : '≤'} ${realHigh.n}` : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}

/** What is wrong with a number the user typed, at once (the engine says the same after validating). */
export function numberProblem(
  value: unknown,
  b: { integer: boolean; minimum?: number; maximum?: number; exclusiveMinimum?: number; exclusiveMaximum?: number },
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number') return b.integer ? 'Enter a whole number.' : 'Enter a number.';
  if (b.integer && !Number.isInteger(value)) return 'Enter a whole number.';
  const range = boundsText(b);
  const out =
    (b.minimum !== undefined && value < b.minimum) ||
    (b.exclusiveMinimum !== undefined && value <= b.exclusiveMinimum) ||
    (b.maximum !== undefined && value > b.maximum) ||
    (b.exclusiveMaximum !== undefined && value >= b.exclusiveMaximum);
  return out ? `Must be ${range}.` : undefined;
}
