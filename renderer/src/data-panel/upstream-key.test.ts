import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../../engine/pipeline/document';
import { upstreamKey, upstreamNodeIds } from './upstream-key';

const doc: PipelineDocument = {
  millrace: 1,
  name: 'p',
  nodes: [
    { id: 'raw', type: 'read_csv', inputs: {}, params: { path: 'data/Beak Length (mm).csv' } },
    { id: 'other', type: 'read_csv', inputs: {}, params: { path: 'b.csv' } },
    { id: 'parts', type: 'split', inputs: { in: 'raw' }, params: { fractions: { train: 0.8, test: 0.2 }, seed: 1 } },
    { id: 'clean', type: 'filter', inputs: { in: 'parts.train' }, params: { condition: '"O\'Brien" IS NOT NULL' } },
  ],
  layout: { raw: { x: 0, y: 0 } },
};

describe('what a node output depends on', () => {
  it('follows inputs, including `node.port` references, in document order', () => {
    expect(upstreamNodeIds(doc, 'clean')).toEqual(['raw', 'parts', 'clean']);
    expect(upstreamNodeIds(doc, 'other')).toEqual(['other']);
    expect(upstreamNodeIds(doc, 'missing')).toEqual([]);
  });

  it('changes when an upstream param changes, not when another node or the layout changes', () => {
    const key = upstreamKey(doc, 'clean', 'p.yaml');
    const moved = { ...doc, layout: { raw: { x: 50, y: 9 } } };
    const otherEdited = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'other' ? { ...n, params: { path: 'c.csv' } } : n)) };
    const upstreamEdited = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'parts' ? { ...n, params: { ...n.params, seed: 2 } } : n)) };
    expect(upstreamKey(moved, 'clean', 'p.yaml')).toBe(key);
    expect(upstreamKey(otherEdited, 'clean', 'p.yaml')).toBe(key);
    expect(upstreamKey(upstreamEdited, 'clean', 'p.yaml')).not.toBe(key);
    expect(upstreamKey(doc, 'clean', 'q.yaml')).not.toBe(key);
  });

  it('survives a cycle in a document being edited', () => {
    const cyclic: PipelineDocument = { millrace: 1, name: 'c', nodes: [{ id: 'a', type: 'filter', inputs: { in: 'b' }, params: {} }, { id: 'b', type: 'filter', inputs: { in: 'a' }, params: {} }] };
    expect(upstreamNodeIds(cyclic, 'a')).toEqual(['a', 'b']);
  });
});
