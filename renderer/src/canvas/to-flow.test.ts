import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../../engine/pipeline/document';
import type { NodeTypeJson } from '../../../nodes/catalogue-json';
import { sampleDocument } from '../store/test-documents';
import { applyChange } from '../store/document-changes';
import { cardPorts } from './card-ports';
import { buildEdges, buildNodes, edgeId, parseEdgeId } from './to-flow';

const nodeType = (type: string, inputs: NodeTypeJson['inputs'], outputs: NodeTypeJson['outputs'], extra: Partial<NodeTypeJson> = {}): NodeTypeJson => ({
  type, version: 1, kind: 'table', category: 'transform', label: type, description: '', aliases: [], inputs, outputs, dynamicOutputs: false, variadicInputs: false, params: {}, ...extra,
});
const table = (name: string, optional = false) => ({ name, type: 'table' as const, ...(optional ? { optional } : {}) });

const types = new Map(
  [
    nodeType('read_csv', [], [table('out')]),
    nodeType('drop_missing', [table('in')], [table('out')]),
    nodeType('split', [table('in')], [table('train'), table('test')], { dynamicOutputs: true }),
    nodeType('scale', [table('in'), table('fit', true)], [table('out')]),
    nodeType('train', [table('train')], [{ name: 'model', type: 'model' }, table('history')]),
    nodeType('predict', [{ name: 'model', type: 'model' }, table('in')], [table('out')]),
    nodeType('sql', [], [table('out')], { variadicInputs: true }),
  ].map((t) => [t.type, t]),
);

describe('document → React Flow', () => {
  it('makes one edge per connected input, named by the input it ends at', () => {
    const edges = buildEdges(sampleDocument(), types, undefined, new Set(['scaled_test:fit']), new Set());
    expect(edges.map((e) => [e.id, e.source, e.sourceHandle, e.target, e.targetHandle, e.selected])).toEqual([
      ['clean:in', 'read', 'out', 'clean', 'in', false],
      ['parts:in', 'clean', 'out', 'parts', 'in', false],
      ['scaled_train:in', 'parts', 'train', 'scaled_train', 'in', false],
      ['scaled_test:in', 'parts', 'test', 'scaled_test', 'in', false],
      ['scaled_test:fit', 'parts', 'train', 'scaled_test', 'fit', true],
    ]);
    expect(parseEdgeId(edgeId({ node: 'my-node_2', port: 'in1' }))).toEqual({ node: 'my-node_2', port: 'in1' });
  });

  it('marks model connections so they are drawn differently, and skips inputs from missing nodes', () => {
    const doc: PipelineDocument = {
      millrace: 1,
      name: 'm',
      nodes: [
        { id: 'fit', type: 'train', inputs: {}, params: {} },
        { id: 'use', type: 'predict', inputs: { model: 'fit.model', in: 'ghost' }, params: {} },
      ],
    };
    expect(buildEdges(doc, types, undefined, new Set(), new Set()).map((e) => [e.id, e.className])).toEqual([['use:model', 'edge-model']]);
  });

  it('reuses the node objects of unchanged nodes, so only changed cards re-render', () => {
    const doc = sampleDocument();
    const first = buildNodes(doc, new Set(), new Map(), new Map());
    const moved = applyChange(doc, { kind: 'move-nodes', positions: { clean: { x: 5, y: 5 } } });
    const second = buildNodes(moved, new Set(['read']), new Map(), new Map(first.map((n) => [n.id, n])));
    expect(second.map((n, i) => n === first[i])).toEqual([false, false, true, true, true]);
    expect(second[1]?.position).toEqual({ x: 5, y: 5 });
    expect(second[0]?.selected).toBe(true);
  });

  it('a card being dragged is drawn at its drag position, and keeps its data so its content does not re-render', () => {
    const doc = sampleDocument();
    const first = buildNodes(doc, new Set(), new Map(), new Map());
    const dragged = new Map([['clean', { x: 300, y: 44 }]]);
    const during = buildNodes(doc, new Set(), new Map(), new Map(first.map((n) => [n.id, n])), dragged);
    expect(during.map((n, i) => n === first[i])).toEqual([true, false, true, true, true]);
    expect(during[1]).toMatchObject({ position: { x: 300, y: 44 }, dragging: true });
    expect(during[1]?.data).toBe(first[1]?.data);
    expect(doc.layout?.clean).toEqual({ x: 250, y: 0 });

    // Dropped: the document has the position, the drag map is empty, the card is no longer dragging.
    const dropped = applyChange(doc, { kind: 'move-nodes', positions: { clean: { x: 300, y: 44 } } });
    const after = buildNodes(dropped, new Set(), new Map(), new Map(during.map((n) => [n.id, n])));
    expect(after[1]).toMatchObject({ position: { x: 300, y: 44 } });
    expect(after[1]?.dragging).toBeUndefined();
    expect(after[1]?.data).toBe(first[1]?.data);
    expect(after.map((n, i) => n === during[i])).toEqual([true, false, true, true, true]);
  });

  it('reuses unchanged edge objects, and the whole array when no edge changed', () => {
    const doc = sampleDocument();
    const none = new Set<string>();
    const first = buildEdges(doc, types, undefined, none, none);
    // Edits that leave every connection as it was: the same array, so React Flow has nothing to update.
    const moved = applyChange(doc, { kind: 'move-nodes', positions: { clean: { x: 9, y: 9 } } });
    expect(buildEdges(moved, types, undefined, none, none, first)).toBe(first);
    const edited = applyChange(moved, { kind: 'set-params', node: 'clean', params: { columns: ['a'] } });
    expect(buildEdges(edited, types, undefined, none, none, first)).toBe(first);

    // Selecting one edge and running one node make new objects for the edges concerned only.
    const selected = buildEdges(doc, types, undefined, new Set(['parts:in']), none, first);
    expect(selected.map((e, i) => e === first[i])).toEqual([true, false, true, true, true]);
    expect(selected[1]?.selected).toBe(true);
    const running = buildEdges(doc, types, undefined, new Set(['parts:in']), new Set(['scaled_test']), selected);
    expect(running.map((e, i) => e === selected[i])).toEqual([true, true, true, false, false]);
    expect(running.filter((e) => e.animated).map((e) => e.id)).toEqual(['scaled_test:in', 'scaled_test:fit']);
  });

  it('rebuilds edges that were rewired, drops removed ones and adds new ones', () => {
    const doc = sampleDocument();
    const none = new Set<string>();
    const first = buildEdges(doc, types, undefined, none, none);
    const rewired = applyChange(doc, { kind: 'connect', from: { node: 'parts', port: 'test' }, to: { node: 'scaled_test', port: 'fit' } });
    const second = buildEdges(rewired, types, undefined, none, none, first);
    expect(second.map((e, i) => e === first[i])).toEqual([true, true, true, true, false]);
    expect(second[4]).toMatchObject({ id: 'scaled_test:fit', sourceHandle: 'test' });

    const fewer = applyChange(rewired, { kind: 'remove', nodes: ['scaled_train'], edges: [] });
    const third = buildEdges(fewer, types, undefined, none, none, second);
    expect(third.map((e) => e.id)).toEqual(['clean:in', 'parts:in', 'scaled_test:in', 'scaled_test:fit']);
    expect(third.every((e) => second.includes(e))).toBe(true);

    const more = applyChange(fewer, { kind: 'connect', from: { node: 'read', port: 'out' }, to: { node: 'scaled_train_2', port: 'in' } });
    expect(buildEdges(more, types, undefined, none, none, third)).toBe(third);
    const added = applyChange(fewer, { kind: 'add-nodes', nodes: [{ id: 'extra', type: 'drop_missing', inputs: { in: 'read' }, params: {} }], positions: {} });
    const fourth = buildEdges(added, types, undefined, none, none, third);
    expect(fourth).not.toBe(third);
    expect(fourth.slice(0, 4).every((e, i) => e === third[i])).toBe(true);
    expect(fourth[4]).toMatchObject({ id: 'extra:in', source: 'read' });
  });

  it("an edge's drawing follows its source port's type", () => {
    const doc: PipelineDocument = {
      millrace: 1,
      name: 'm',
      nodes: [
        { id: 'fit', type: 'train', inputs: {}, params: {} },
        { id: 'use', type: 'predict', inputs: { model: 'fit.model' }, params: {} },
      ],
    };
    const first = buildEdges(doc, types, undefined, new Set(), new Set());
    const tableTrain = new Map(types).set('train', nodeType('train', [table('train')], [table('model')]));
    const second = buildEdges(doc, tableTrain, undefined, new Set(), new Set(), first);
    expect(second).not.toBe(first);
    expect([first[0]?.className, second[0]?.className]).toEqual(['edge-model', 'edge-table']);
  });
});

describe('card ports', () => {
  it('single-port nodes hide port names; several ports show them', () => {
    const doc = sampleDocument();
    const [read, clean, parts, , scaledTest] = doc.nodes;
    expect(cardPorts(read!, types.get('read_csv'), undefined)).toMatchObject({ inputs: [], showNames: false });
    expect(cardPorts(clean!, types.get('drop_missing'), undefined).showNames).toBe(false);
    expect(cardPorts(parts!, types.get('split'), undefined).outputs.map((p) => p.name)).toEqual(['train', 'test']);
    expect(cardPorts(scaledTest!, types.get('scale'), undefined)).toMatchObject({ inputs: [{ name: 'in' }, { name: 'fit', optional: true }], showNames: true });
  });

  it("split's outputs come from validation when known", () => {
    const parts = sampleDocument().nodes[2]!;
    const validated = { parts: { inputs: [], outputs: [{ name: 'train', type: 'table' }, { name: 'valid', type: 'table' }, { name: 'test', type: 'table' }] } };
    expect(cardPorts(parts, types.get('split'), validated).outputs.map((p) => p.name)).toEqual(['train', 'valid', 'test']);
  });

  it('a sql node shows its connected inputs plus an empty one named for the next port', () => {
    const query = { id: 'q', type: 'sql', inputs: { in1: 'a', flights: 'b' }, params: {} };
    expect(cardPorts(query, types.get('sql'), undefined).inputs.map((p) => [p.name, p.add === true])).toEqual([
      ['in1', false],
      ['flights', false],
      ['in2', true],
    ]);
    expect(cardPorts({ ...query, inputs: {} }, types.get('sql'), undefined).inputs.map((p) => p.name)).toEqual(['in1']);
  });
});
