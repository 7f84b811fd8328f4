/**
 * Node ids: fresh ones for new and pasted nodes, and the rules a new name must follow.
 * Ids are part of the file format (other nodes' inputs name them), so they stay readable.
 */
import { NODE_ID_PATTERN, type PipelineDocument } from '../../../engine/pipeline/document';

/** Turns any text into something that can start an id (`read_csv`, `Beak ratio` → `Beak_ratio`). */
export function idStem(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^[^A-Za-z_]+/, '').replace(/_+$/, '');
  return cleaned === '' ? 'node' : cleaned;
}

/** `${stem}_${n}` with the smallest n ≥ `from` that no node uses yet (a new filter becomes `filter_1`, then `filter_2`). */
export function freshId(used: ReadonlySet<string>, stem: string, from = 1): string {
  const base = idStem(stem);
  for (let n = from; ; n++) {
    const id = `${base}_${n}`;
    if (!used.has(id)) return id;
  }
}

/** An id for a copy of `original`: the same name when it is free, else the next number (`filter_1` → `filter_2`, `clean` → `clean_2`). */
export function idForCopy(used: ReadonlySet<string>, original: string): string {
  if (!used.has(original)) return original;
  return freshId(used, original.replace(/_\d+$/, ''), 2);
}

export function usedIds(document: PipelineDocument): Set<string> {
  return new Set(document.nodes.map((n) => n.id));
}

/** Why `to` cannot be the new id of node `from`, or undefined when it can. */
export function renameProblem(document: PipelineDocument, from: string, to: string): string | undefined {
  if (to === from) return undefined;
  if (!document.nodes.some((n) => n.id === from)) return `There is no node "${from}".`;
  if (!NODE_ID_PATTERN.test(to)) return `"${to}" is not a valid id: start with a letter or _, then letters, digits, _ or -.`;
  if (document.nodes.some((n) => n.id === to)) return `Another node is already called "${to}".`;
  return undefined;
}
