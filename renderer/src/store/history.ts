/**
 * Undo/redo as a history of whole documents (they are small, and shared structure keeps copies
 * cheap). Edits with the same coalescing key in quick succession (one drag, typing in one field)
 * become one step.
 */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** Key and time of the last recorded edit, for coalescing. */
  lastKey?: string;
  lastAt?: number;
}

export interface RecordOptions {
  /** Edits with the same key less than `coalesceMs` apart replace each other instead of stacking. */
  key?: string;
  now?: number;
  coalesceMs?: number;
  /** Oldest steps are dropped beyond this many. */
  limit?: number;
}

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

export function record<T>(history: History<T>, next: T, options: RecordOptions = {}): History<T> {
  if (next === history.present) return history;
  const { key, now = Date.now(), coalesceMs = 1000, limit = 200 } = options;
  const coalesce = key !== undefined && key === history.lastKey && history.lastAt !== undefined && now - history.lastAt < coalesceMs && history.past.length > 0;
  const past = coalesce ? history.past : [...history.past, history.present].slice(-limit);
  return { past, present: next, future: [], lastKey: key, lastAt: now };
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest };
}

export const canUndo = <T>(history: History<T>): boolean => history.past.length > 0;
export const canRedo = <T>(history: History<T>): boolean => history.future.length > 0;
