/**
 * React Flow's node changes, sorted by what the canvas does with them. Positions mid-drag stay on
 * the canvas; the final positions (a drag's end, a keyboard move) become one document edit, so a
 * drag is one undo step and the document (with validation and autosave hanging off it) does not
 * change on every mouse move.
 */
import type { NodeChange } from '@xyflow/react';
import type { Position } from '../../../engine/pipeline/document';
import type { CardNode, Measured } from './to-flow';

export interface SortedNodeChanges {
  /** Where cards being dragged are now. */
  moving: Map<string, Position>;
  /** Where cards were put down: for the document. */
  placed: Record<string, Position>;
  /** The new selection of nodes, when a change touched it. */
  selection?: string[];
  /** Measured card sizes. */
  sizes: Map<string, Measured>;
}

export function sortNodeChanges(changes: readonly NodeChange<CardNode>[], selectedNodes: readonly string[]): SortedNodeChanges {
  const sorted: SortedNodeChanges = { moving: new Map(), placed: {}, sizes: new Map() };
  let selection: Set<string> | undefined;
  for (const change of changes) {
    if (change.type === 'position' && change.position) {
      if (change.dragging) sorted.moving.set(change.id, change.position);
      else sorted.placed[change.id] = change.position;
    } else if (change.type === 'select') {
      selection ??= new Set(selectedNodes);
      if (change.selected) selection.add(change.id);
      else selection.delete(change.id);
    } else if (change.type === 'dimensions' && change.dimensions) {
      sorted.sizes.set(change.id, { width: change.dimensions.width, height: change.dimensions.height });
    }
  }
  if (selection) sorted.selection = [...selection];
  return sorted;
}

export const NOT_DRAGGED: ReadonlyMap<string, Position> = new Map();

/** The drag positions after some cards moved (`moving`) and some were put down (`placed`); the same map when unchanged. */
export function nextDragged(dragged: ReadonlyMap<string, Position>, moving: ReadonlyMap<string, Position>, placed: readonly string[]): ReadonlyMap<string, Position> {
  if (moving.size === 0 && !placed.some((id) => dragged.has(id))) return dragged;
  const next = new Map([...dragged, ...moving]);
  for (const id of placed) next.delete(id);
  return next.size === 0 ? NOT_DRAGGED : next;
}

/** The known card sizes with `sizes` merged in; the same map when no size changed (so nothing re-renders). */
export function mergeSizes(known: ReadonlyMap<string, Measured>, sizes: ReadonlyMap<string, Measured>): ReadonlyMap<string, Measured> {
  let next: Map<string, Measured> | undefined;
  for (const [id, size] of sizes) {
    const old = known.get(id);
    if (old && old.width === size.width && old.height === size.height) continue;
    next ??= new Map(known);
    next.set(id, size);
  }
  return next ?? known;
}
