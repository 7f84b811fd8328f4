/**
 * The pipeline as a graph: edges run from the node that produces data to the node that reads it.
 * Everything here is iterative (no recursion), so a long chain of nodes cannot overflow the stack.
 */
import { parseInputRef, type PipelineDocument, type ResolvedPipeline } from './document.js';

export interface Edge {
  /** The node whose output is read. */
  from: string;
  /** The node that reads it. */
  to: string;
}

/** Edges of a resolved pipeline. */
export function pipelineEdges(pipeline: ResolvedPipeline): Edge[] {
  const edges: Edge[] = [];
  for (const node of pipeline.nodes.values()) for (const input of Object.values(node.inputs)) edges.push({ from: input.node, to: node.id });
  return edges;
}

/** Edges of a document, keeping only references to nodes that exist (a document may be invalid). */
export function documentEdges(document: PipelineDocument): Edge[] {
  const ids = new Set(document.nodes.map((n) => n.id));
  const edges: Edge[] = [];
  for (const node of document.nodes) {
    for (const ref of Object.values(node.inputs)) {
      const from = parseInputRef(ref).node;
      if (ids.has(from)) edges.push({ from, to: node.id });
    }
  }
  return edges;
}

function adjacency(edges: readonly Edge[], reverse = false): Map<string, string[]> {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) {
    const [a, b] = reverse ? [to, from] : [from, to];
    const list = next.get(a);
    if (!list) next.set(a, [b]);
    else if (!list.includes(b)) list.push(b);
  }
  return next;
}

/** A binary min-heap of numbers: Kahn's ready set, ordered by position in the node list. */
class MinHeap {
  private readonly items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(value: number): void {
    const items = this.items;
    items.push(value);
    for (let i = items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if ((items[parent] as number) <= value) break;
      [items[i], items[parent]] = [items[parent] as number, value];
      i = parent;
    }
  }
  pop(): number | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    for (let i = 0; ; ) {
      const [l, r] = [2 * i + 1, 2 * i + 2];
      let smallest = i;
      if (l < items.length && (items[l] as number) < (items[smallest] as number)) smallest = l;
      if (r < items.length && (items[r] as number) < (items[smallest] as number)) smallest = r;
      if (smallest === i) break;
      [items[i], items[smallest]] = [items[smallest] as number, items[i] as number];
      i = smallest;
    }
    return top;
  }
}

/**
 * Kahn's algorithm; among the nodes that are ready, the one listed first goes first, so the
 * order is stable and an already-sorted list comes back unchanged. `blocked` holds the nodes
 * that could not be ordered: those on a cycle and those downstream of one.
 */
export function topologicalOrder(nodes: readonly string[], edges: readonly Edge[]): { order: string[]; blocked: string[] } {
  const index = new Map(nodes.map((id, i) => [id, i] as const));
  const next = adjacency(edges.filter((e) => index.has(e.from) && index.has(e.to)));
  const indegree = new Map(nodes.map((id) => [id, 0]));
  for (const targets of next.values()) for (const to of targets) indegree.set(to, (indegree.get(to) ?? 0) + 1);
  const ready = new MinHeap();
  nodes.forEach((id, i) => {
    if (indegree.get(id) === 0) ready.push(i);
  });
  const order: string[] = [];
  for (let i = ready.pop(); i !== undefined; i = ready.pop()) {
    const id = nodes[i] as string;
    order.push(id);
    for (const to of next.get(id) ?? []) {
      const left = (indegree.get(to) ?? 0) - 1;
      indegree.set(to, left);
      if (left === 0) ready.push(index.get(to) as number);
    }
  }
  const ordered = new Set(order);
  return { order, blocked: nodes.filter((id) => !ordered.has(id)) };
}

/** Strongly connected components (Kosaraju, iterative), each listed in node-list order. */
function components(nodes: readonly string[], edges: readonly Edge[]): string[][] {
  const next = adjacency(edges);
  const previous = adjacency(edges, true);
  const finished: string[] = [];
  const seen = new Set<string>();
  for (const start of nodes) {
    if (seen.has(start)) continue;
    seen.add(start);
    const stack: { id: string; i: number }[] = [{ id: start, i: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; i: number };
      const child = next.get(top.id)?.[top.i++];
      if (child === undefined) {
        finished.push(top.id);
        stack.pop();
      } else if (!seen.has(child)) {
        seen.add(child);
        stack.push({ id: child, i: 0 });
      }
    }
  }
  const component = new Map<string, number>();
  let count = 0;
  for (const root of finished.reverse()) {
    if (component.has(root)) continue;
    const stack = [root];
    component.set(root, count);
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      for (const p of previous.get(id) ?? []) {
        if (!component.has(p)) {
          component.set(p, count);
          stack.push(p);
        }
      }
    }
    count++;
  }
  const groups: string[][] = Array.from({ length: count }, () => []);
  for (const id of nodes) groups[component.get(id) as number]?.push(id);
  return groups.filter((g) => g.length > 0);
}

/**
 * Every cycle worth reporting: one per group of nodes that feed each other, as the nodes along
 * it in the direction data flows, starting at the group's first node in the list
 * (`['a', 'b', 'c']` means a → b → c → a). Ordered by where each cycle starts.
 */
export function findCycles(nodes: readonly string[], edges: readonly Edge[]): string[][] {
  const known = new Set(nodes);
  const inside = edges.filter((e) => known.has(e.from) && known.has(e.to));
  const next = adjacency(inside);
  const cycles: string[][] = [];
  for (const group of components(nodes, inside)) {
    const start = group[0] as string;
    if (group.length === 1 && !(next.get(start) ?? []).includes(start)) continue;
    // Shortest way round from `start`, by breadth-first search inside the group.
    const members = new Set(group);
    const cameFrom = new Map<string, string>();
    const queue = [start];
    let last: string | undefined;
    for (let q = 0; q < queue.length && last === undefined; q++) {
      const id = queue[q] as string;
      for (const to of next.get(id) ?? []) {
        if (to === start) {
          last = id;
          break;
        }
        if (members.has(to) && !cameFrom.has(to)) {
          cameFrom.set(to, id);
          queue.push(to);
        }
      }
    }
    const back: string[] = [];
    for (let id = last; id !== undefined && id !== start; id = cameFrom.get(id)) back.push(id);
    cycles.push([start, ...back.reverse()]);
  }
  const position = new Map(nodes.map((id, i) => [id, i]));
  return cycles.sort((a, b) => (position.get(a[0] as string) ?? 0) - (position.get(b[0] as string) ?? 0));
}

/** One cycle, or undefined when there is none. */
export function findCycle(nodes: readonly string[], edges: readonly Edge[]): string[] | undefined {
  return findCycles(nodes, edges)[0];
}

type GraphSource = ResolvedPipeline | readonly Edge[];

const edgesFrom = (source: GraphSource): readonly Edge[] => (Array.isArray(source) ? source : pipelineEdges(source as ResolvedPipeline));

function reachable(source: GraphSource, id: string, reverse: boolean): Set<string> {
  const next = adjacency(edgesFrom(source), reverse);
  const found = new Set<string>();
  const stack = [id];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    for (const n of next.get(current) ?? []) {
      if (!found.has(n)) {
        found.add(n);
        stack.push(n);
      }
    }
  }
  found.delete(id);
  return found;
}

/** Every node whose output reaches `id` (what it depends on), not including `id`. */
export function ancestors(source: GraphSource, id: string): Set<string> {
  return reachable(source, id, true);
}

/** Every node that reads `id`'s output, directly or through others, not including `id`. */
export function descendants(source: GraphSource, id: string): Set<string> {
  return reachable(source, id, false);
}
