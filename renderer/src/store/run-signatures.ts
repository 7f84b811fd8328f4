/**
 * What a node's result depends on, as a short signature: its type, params and the signatures of
 * what feeds it (like the engine's fingerprint, minus file identity). A result is stale when the
 * signature it was computed under differs from the current one. Ids, labels and layout do not count.
 */
import { parseInputRef, type PipelineDocument } from '../../../engine/pipeline/document';

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` sign the same. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** cyrb53: a fast 53-bit string hash, plenty for telling versions of one pipeline apart. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Signature of every node; nodes on a cycle or reading a missing node get one that never matches a run. */
export function nodeSignatures(document: PipelineDocument): Record<string, string> {
  const byId = new Map(document.nodes.map((n) => [n.id, n]));
  const signatures: Record<string, string> = {};
  const visiting = new Set<string>();
  // Iterative post-order walk: a long chain must not overflow the stack.
  for (const root of document.nodes) {
    const stack: string[] = [root.id];
    while (stack.length > 0) {
      const id = stack[stack.length - 1] as string;
      if (signatures[id] !== undefined) {
        stack.pop();
        continue;
      }
      const node = byId.get(id);
      if (!node) {
        signatures[id] = `missing:${id}`;
        stack.pop();
        continue;
      }
      const upstream = Object.values(node.inputs).map((ref) => parseInputRef(ref).node);
      const pending = upstream.filter((u) => signatures[u] === undefined && !visiting.has(u));
      if (pending.length > 0 && !visiting.has(id)) {
        visiting.add(id);
        stack.push(...pending);
        continue;
      }
      visiting.delete(id);
      const inputs = Object.entries(node.inputs)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([port, ref]) => {
          const from = parseInputRef(ref);
          return `${port}=${signatures[from.node] ?? `cycle:${from.node}`}.${from.port}`;
        });
      signatures[id] = hash(`${node.type}|${stableJson(node.params)}|${inputs.join('&')}`);
      stack.pop();
    }
  }
  return signatures;
}
