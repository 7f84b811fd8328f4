import { describe, expect, it } from 'vitest';
import { applyChange } from './document-changes';
import { copyFragment, fragmentToText, parseFragment, pasteChange } from './fragment';
import { sampleDocument } from './test-documents';

describe('copy and paste', () => {
  it('copies only connections inside the selection', () => {
    const fragment = copyFragment(sampleDocument(), ['parts', 'scaled_test']);
    expect(fragment.nodes.map((n) => [n.id, n.inputs])).toEqual([
      ['parts', {}],
      ['scaled_test', { in: 'parts.test', fit: 'parts.train' }],
    ]);
    expect(fragment.layout).toEqual({ parts: { x: 500, y: 0 }, scaled_test: { x: 750, y: 60 } });
  });

  it('survives the clipboard as text, and other text is not a fragment', () => {
    const fragment = copyFragment(sampleDocument(), ['read', 'clean']);
    expect(parseFragment(fragmentToText(fragment))).toEqual(fragment);
    expect(parseFragment('millrace: 1\nnodes: []')).toBeUndefined();
    expect(parseFragment('{"nodes": []}')).toBeUndefined();
    expect(parseFragment('{"millrace-fragment": 1, "nodes": [{"id": 3}]}')).toBeUndefined();
  });

  it('pasting into the same pipeline gives fresh ids, rewires inputs to the copies, and places them at the target', () => {
    const doc = sampleDocument();
    const change = pasteChange(doc, copyFragment(doc, ['parts', 'scaled_test']), { x: 100, y: 300 });
    expect(change.nodes.map((n) => n.id)).toEqual(['parts_2', 'scaled_test_2']);
    expect(change.nodes[1]?.inputs).toEqual({ in: 'parts_2.test', fit: 'parts_2.train' });
    expect(change.positions).toEqual({ parts_2: { x: 100, y: 300 }, scaled_test_2: { x: 350, y: 360 } });
    const next = applyChange(doc, change);
    expect(next.nodes).toHaveLength(7);
    expect(new Set(next.nodes.map((n) => n.id)).size).toBe(7);
  });

  it('pasting into another pipeline keeps the names that are free there', () => {
    const other = { millrace: 1 as const, name: 'other', nodes: [{ id: 'clean', type: 'filter', inputs: {}, params: {} }] };
    const change = pasteChange(other, copyFragment(sampleDocument(), ['read', 'clean']), { x: 0, y: 0 });
    expect(change.nodes.map((n) => [n.id, n.inputs])).toEqual([
      ['read', {}],
      ['clean_2', { in: 'read' }],
    ]);
  });
});
