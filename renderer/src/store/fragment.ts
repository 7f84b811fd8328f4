/**
 * Copy and paste: a fragment is some nodes with their positions, as JSON text on the clipboard,
 * so it travels between pipelines, tabs and windows. Only connections inside the fragment are kept.
 */
import { parseInputRef, type PipelineDocument, type PipelineNode, type Position } from '../../../engine/pipeline/document';
import { inputRef, type DocumentChange } from './document-changes';
import { idForCopy, usedIds } from './node-ids';

export const FRAGMENT_MARKER = 'millrace-fragment';

export interface Fragment {
  nodes: PipelineNode[];
  layout: Record<string, Position>;
}

/** The selected nodes, keeping only inputs that come from other selected nodes. */
export function copyFragment(document: PipelineDocument, ids: readonly string[]): Fragment {
  const chosen = new Set(ids);
  const nodes = document.nodes
    .filter((n) => chosen.has(n.id))
    .map((n) => ({ ...n, inputs: Object.fromEntries(Object.entries(n.inputs).filter(([, ref]) => chosen.has(parseInputRef(ref).node))) }));
  const layout: Record<string, Position> = {};
  for (const n of nodes) {
    const p = document.layout?.[n.id];
    if (p) layout[n.id] = p;
  }
  return { nodes, layout };
}

export function fragmentToText(fragment: Fragment): string {
  return JSON.stringify({ [FRAGMENT_MARKER]: 1, nodes: fragment.nodes, layout: fragment.layout }, null, 2);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isNode(v: unknown): v is PipelineNode {
  return (
    isRecord(v) &&
    typeof v.id === 'string' &&
    typeof v.type === 'string' &&
    (v.label === undefined || typeof v.label === 'string') &&
    isRecord(v.inputs) &&
    Object.values(v.inputs).every((r) => typeof r === 'string') &&
    isRecord(v.params)
  );
}

/** The fragment in clipboard text, or undefined when the text is something else. */
export function parseFragment(text: string): Fragment | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || value[FRAGMENT_MARKER] !== 1 || !Array.isArray(value.nodes) || !value.nodes.every(isNode)) return undefined;
  const layout: Record<string, Position> = {};
  if (isRecord(value.layout)) {
    for (const [id, p] of Object.entries(value.layout)) {
      if (isRecord(p) && typeof p.x === 'number' && typeof p.y === 'number') layout[id] = { x: p.x, y: p.y };
    }
  }
  return { nodes: value.nodes, layout };
}

/**
 * The change that pastes `fragment` into `document`: fresh ids where names are taken, inputs
 * renamed to match, positions moved so the fragment's top-left corner lands at `at`.
 */
export function pasteChange(document: PipelineDocument, fragment: Fragment, at: Position): Extract<DocumentChange, { kind: 'add-nodes' }> {
  const used = usedIds(document);
  const renamed = new Map<string, string>();
  for (const node of fragment.nodes) {
    const id = idForCopy(used, node.id);
    used.add(id);
    renamed.set(node.id, id);
  }
  const known = fragment.nodes.map((n) => fragment.layout[n.id]).filter((p): p is Position => p !== undefined);
  const left = known.length ? Math.min(...known.map((p) => p.x)) : 0;
  const top = known.length ? Math.min(...known.map((p) => p.y)) : 0;
  const positions: Record<string, Position> = {};
  const nodes = fragment.nodes.map((node, i) => {
    const id = renamed.get(node.id) as string;
    const p = fragment.layout[node.id] ?? { x: left + i * 40, y: top + i * 40 };
    positions[id] = { x: at.x + p.x - left, y: at.y + p.y - top };
    const inputs: Record<string, string> = {};
    for (const [port, ref] of Object.entries(node.inputs)) {
      const from = parseInputRef(ref);
      const source = renamed.get(from.node);
      if (source !== undefined) inputs[port] = inputRef({ node: source, port: from.port });
    }
    return { ...node, id, inputs };
  });
  return { kind: 'add-nodes', nodes, positions };
}
