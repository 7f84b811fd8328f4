/**
 * SourcePositions over a parsed YAML Document: walks the syntax tree (not the plain data) so that
 * every lookup lands on the exact key or value the user wrote, or on its closest enclosing one.
 */
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node as YamlNode } from 'yaml';
import type { DataPath, NodeRef, SourcePosition, SourcePositions } from './document.js';

interface Found {
  /** The key scalar of the map entry (or the list item itself) that holds the value. */
  key?: YamlNode;
  value?: YamlNode | null;
}

export class YamlPositions implements SourcePositions {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  private position(node: YamlNode | null | undefined): SourcePosition | undefined {
    const offset = node?.range?.[0];
    if (offset === undefined) return undefined;
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  /** Each step of the path that exists, outermost first. */
  private walk(path: DataPath): Found[] {
    const found: Found[] = [];
    let current: unknown = this.doc.contents;
    for (const segment of path) {
      if (isMap(current)) {
        const pair = current.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        found.push({ key: pair.key as YamlNode, value: pair.value as YamlNode | null });
        current = pair.value;
      } else if (isSeq(current) && typeof segment === 'number') {
        const item = current.items[segment] as YamlNode | undefined;
        if (!item) break;
        found.push({ key: item, value: item });
        current = item;
      } else {
        break;
      }
    }
    return found;
  }

  at(path: DataPath, at: 'key' | 'value' = 'value'): SourcePosition | undefined {
    const found = this.walk(path);
    const last = found[found.length - 1];
    const root = this.position(this.doc.contents) ?? { line: 1, column: 1 };
    if (!last) return root;
    // A complete path: the position asked for. A partial one: the key of the deepest part that exists.
    const complete = found.length === path.length;
    const node = complete && at === 'value' ? (last.value ?? last.key) : last.key;
    return this.position(node) ?? root;
  }

  private nodeIndex(ref: NodeRef): number | undefined {
    if (typeof ref === 'number') return ref;
    const nodes = this.doc.get('nodes', true);
    if (!isSeq(nodes)) return undefined;
    const index = nodes.items.findIndex((item) => isMap(item) && item.get('id') === ref);
    return index === -1 ? undefined : index;
  }

  /** A position inside a node, or the `nodes` key when there is no such node. */
  private inNode(ref: NodeRef, rest: DataPath, at: 'key' | 'value'): SourcePosition | undefined {
    const index = this.nodeIndex(ref);
    return index === undefined ? this.at(['nodes'], 'key') : this.at(['nodes', index, ...rest], at);
  }

  key(key: string): SourcePosition | undefined {
    return this.at([key], 'key');
  }

  node(ref: NodeRef): SourcePosition | undefined {
    return this.inNode(ref, [], 'value');
  }

  nodeKey(ref: NodeRef, key: string): SourcePosition | undefined {
    return this.inNode(ref, [key], 'key');
  }

  param(ref: NodeRef, path: DataPath, at: 'key' | 'value' = 'value'): SourcePosition | undefined {
    return this.inNode(ref, ['params', ...path], at);
  }

  input(ref: NodeRef, port: string, at: 'key' | 'value' = 'value'): SourcePosition | undefined {
    return this.inNode(ref, ['inputs', port], at);
  }

  layout(id: string): SourcePosition | undefined {
    return this.at(['layout', id], 'key');
  }
}
