import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../../engine/pipeline/document';
import { ancestorIds, upstreamKey } from './upstream';

const doc = (): PipelineDocument => ({
  millrace: 1,
  name: 'p',
  nodes: [
    { id: 'src', type: 'read_csv', inputs: {}, params: { path: 'a.csv' } },
    { id: 'other', type: 'read_csv', inputs: {}, params: { path: 'b.csv' } },
    { id: 'parts', type: 'split', inputs: { in: 'src' }, params: { fractions: { train: 0.8, test: 0.2 } } },
    { id: 'f', type: 'filter', inputs: { in: 'parts.train' }, params: { condition: 'x > 1' } },
  ],
  layout: { f: { x: 1, y: 2 } },
});

describe('upstream schema key', () => {
  it('finds every node a node reads from, through named output ports', () => {
    expect(ancestorIds(doc(), 'f')).toEqual(['parts', 'src']);
    expect(ancestorIds(doc(), 'src')).toEqual([]);
  });

  it("ignores the node's own params, the layout and unrelated nodes", () => {
    const before = upstreamKey(doc(), 'f');
    const edited = doc();
    edited.nodes[3]!.params = { condition: 'x > 2' };
    edited.nodes[1]!.params = { path: 'c.csv' };
    edited.layout = { f: { x: 9, y: 9 } };
    expect(upstreamKey(edited, 'f')).toBe(before);
  });

  it('changes when an upstream param or the wiring changes', () => {
    const before = upstreamKey(doc(), 'f');
    const upstreamEdit = doc();
    upstreamEdit.nodes[0]!.params = { path: 'z.csv' };
    expect(upstreamKey(upstreamEdit, 'f')).not.toBe(before);
    const rewired = doc();
    rewired.nodes[3]!.inputs = { in: 'parts.test' };
    expect(upstreamKey(rewired, 'f')).not.toBe(before);
  });

  it('survives a cycle', () => {
    const cyclic = doc();
    cyclic.nodes[0]!.inputs = { in: 'f' };
    expect(ancestorIds(cyclic, 'f')).toEqual(['parts', 'src']);
  });
});
