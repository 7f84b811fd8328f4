import { describe, expect, it } from 'vitest';
import { applyChange, newNodeChange } from './document-changes';
import { freshId, idForCopy, renameProblem } from './node-ids';
import { sampleDocument } from './test-documents';

describe('document changes', () => {
  it('adds a node with a fresh id made from its type, counting up past ids in use', () => {
    let doc = sampleDocument();
    const first = newNodeChange(doc, 'filter', { x: 10.4, y: 20.6 });
    doc = applyChange(doc, first);
    const second = newNodeChange(doc, 'filter', { x: 0, y: 0 });
    doc = applyChange(doc, second);
    expect(doc.nodes.slice(-2).map((n) => n.id)).toEqual(['filter_1', 'filter_2']);
    expect(doc.layout?.filter_1).toEqual({ x: 10, y: 21 });
    expect(doc.nodes.find((n) => n.id === 'filter_2')).toEqual({ id: 'filter_2', type: 'filter', inputs: {}, params: {} });
  });

  it('removing a node removes its layout and every input that read it, and leaves the original untouched', () => {
    const doc = sampleDocument();
    const next = applyChange(doc, { kind: 'remove', nodes: ['parts'], edges: [] });
    expect(next.nodes.map((n) => n.id)).toEqual(['read', 'clean', 'scaled_train', 'scaled_test']);
    expect(next.nodes.find((n) => n.id === 'scaled_test')?.inputs).toEqual({});
    expect(next.layout).not.toHaveProperty('parts');
    expect(doc.nodes).toHaveLength(5);
    expect(doc.nodes.find((n) => n.id === 'scaled_test')?.inputs).toEqual({ in: 'parts.test', fit: 'parts.train' });
  });

  it('removes single edges by the input they end at', () => {
    const next = applyChange(sampleDocument(), { kind: 'remove', nodes: [], edges: [{ node: 'scaled_test', port: 'fit' }] });
    expect(next.nodes.find((n) => n.id === 'scaled_test')?.inputs).toEqual({ in: 'parts.test' });
  });

  it('connect writes `node` for the out port and `node.port` for others', () => {
    let doc = applyChange(sampleDocument(), newNodeChange(sampleDocument(), 'union', { x: 0, y: 0 }));
    doc = applyChange(doc, { kind: 'connect', from: { node: 'clean', port: 'out' }, to: { node: 'union_1', port: 'a' } });
    doc = applyChange(doc, { kind: 'connect', from: { node: 'parts', port: 'test' }, to: { node: 'union_1', port: 'b' } });
    expect(doc.nodes.find((n) => n.id === 'union_1')?.inputs).toEqual({ a: 'clean', b: 'parts.test' });
  });

  it('renaming a node updates the inputs that name it (with and without a port) and its layout key', () => {
    const next = applyChange(sampleDocument(), { kind: 'rename-node', from: 'parts', to: 'halves' });
    expect(next.nodes.map((n) => n.id)).toContain('halves');
    expect(next.nodes.find((n) => n.id === 'scaled_test')?.inputs).toEqual({ in: 'halves.test', fit: 'halves.train' });
    expect(next.layout?.halves).toEqual({ x: 500, y: 0 });
    expect(next.layout).not.toHaveProperty('parts');
    const renamedSource = applyChange(sampleDocument(), { kind: 'rename-node', from: 'read', to: 'penguins' });
    expect(renamedSource.nodes.find((n) => n.id === 'clean')?.inputs).toEqual({ in: 'penguins' });
  });

  it('says why a new id is refused', () => {
    const doc = sampleDocument();
    expect(renameProblem(doc, 'read', 'clean')).toMatch(/already called "clean"/);
    expect(renameProblem(doc, 'read', '2fast')).toMatch(/not a valid id/);
    expect(renameProblem(doc, 'read', 'has space')).toMatch(/not a valid id/);
    expect(renameProblem(doc, 'read', 'raw_penguins')).toBeUndefined();
    expect(renameProblem(doc, 'read', 'read')).toBeUndefined();
  });

  it('returns the same document object when a change changes nothing, so no undo step is made', () => {
    const doc = sampleDocument();
    expect(applyChange(doc, { kind: 'remove', nodes: [], edges: [] })).toBe(doc);
    expect(applyChange(doc, { kind: 'set-params', node: 'nope', params: {} })).toBe(doc);
    expect(applyChange(doc, { kind: 'rename-node', from: 'read', to: 'read' })).toBe(doc);
    expect(applyChange(doc, { kind: 'set-label', node: 'read', label: '  ' })).toBe(doc);
  });

  it('a label equal to the id or blank removes the label', () => {
    let doc = applyChange(sampleDocument(), { kind: 'set-label', node: 'read', label: ' Penguins file ' });
    expect(doc.nodes[0]?.label).toBe('Penguins file');
    doc = applyChange(doc, { kind: 'set-label', node: 'read', label: 'read' });
    expect(doc.nodes[0]).not.toHaveProperty('label');
  });

  it('set-params replaces the params and move rounds positions into the layout', () => {
    let doc = applyChange(sampleDocument(), { kind: 'set-params', node: 'clean', params: { columns: ['Sex', 'say "hi"'] } });
    doc = applyChange(doc, { kind: 'move-nodes', positions: { clean: { x: 1.5, y: -2.4 }, ghost: { x: 0, y: 0 } } });
    expect(doc.nodes[1]?.params).toEqual({ columns: ['Sex', 'say "hi"'] });
    expect(doc.layout?.clean).toEqual({ x: 2, y: -2 });
    expect(doc.layout).not.toHaveProperty('ghost');
  });

  it('set-info changes the name and drops a blank description', () => {
    let doc = applyChange(sampleDocument(), { kind: 'set-info', name: 'penguins', description: 'Clean them' });
    expect([doc.name, doc.description]).toEqual(['penguins', 'Clean them']);
    doc = applyChange(doc, { kind: 'set-info', description: ' ' });
    expect(doc).not.toHaveProperty('description');
  });
});

describe('node ids', () => {
  it('fresh ids skip used numbers and clean up odd type names', () => {
    expect(freshId(new Set(['filter_1', 'filter_3']), 'filter')).toBe('filter_2');
    expect(freshId(new Set(), 'Beak ratio (mm)')).toBe('Beak_ratio_mm_1');
    expect(freshId(new Set(), '9lives')).toBe('lives_1');
  });

  it('a copy keeps its name when free, else counts up from its stem', () => {
    expect(idForCopy(new Set(), 'clean')).toBe('clean');
    expect(idForCopy(new Set(['clean']), 'clean')).toBe('clean_2');
    expect(idForCopy(new Set(['filter_1', 'filter_2']), 'filter_1')).toBe('filter_3');
  });
});
