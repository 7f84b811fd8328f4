import { describe, expect, test } from 'vitest';
import { defaultCatalogue } from '../../nodes/catalogue.js';
import type { PipelineDocument } from './document.js';
import { ancestors, descendants, documentEdges, findCycle, findCycles, pipelineEdges, topologicalOrder, type Edge } from './graph.js';
import { resolvePipeline } from './resolve.js';

const edges = (...pairs: string[]): Edge[] =>
  pairs.map((p) => {
    const [from, to] = p.split('>') as [string, string];
    return { from, to };
  });

describe('topologicalOrder', () => {
  test('puts every node after the nodes it reads from, ties in list order', () => {
    expect(topologicalOrder(['d', 'c', 'b', 'a'], edges('a>b', 'b>c'))).toEqual({ order: ['d', 'a', 'b', 'c'], blocked: [] });
  });

  test('an already sorted list comes back unchanged (so formatting is idempotent)', () => {
    const nodes = ['a', 'x', 'b', 'y', 'c'];
    const e = edges('a>b', 'b>c', 'x>y', 'a>c');
    expect(topologicalOrder(nodes, e).order).toEqual(nodes);
  });

  test('a node read twice by the same node (join of a table with itself) is fine', () => {
    expect(topologicalOrder(['j', 'a'], edges('a>j', 'a>j')).order).toEqual(['a', 'j']);
  });

  test('nodes on or below a cycle are blocked', () => {
    expect(topologicalOrder(['s', 'a', 'b', 'after'], edges('s>a', 'a>b', 'b>a', 'b>after'))).toEqual({ order: ['s'], blocked: ['a', 'b', 'after'] });
  });

  test('handles a 20 000-node chain (no recursion)', () => {
    const nodes = Array.from({ length: 20_000 }, (_, i) => `n${i}`);
    const chain = nodes.slice(1).map((id, i) => ({ from: nodes[i] as string, to: id }));
    expect(topologicalOrder([...nodes].reverse(), chain).order).toEqual(nodes);
  });
});

describe('findCycles', () => {
  test('gives the nodes on a cycle in the direction data flows, from the first listed', () => {
    expect(findCycle(['a', 'b', 'c'], edges('c>a', 'a>b', 'b>c'))).toEqual(['a', 'b', 'c']);
    expect(findCycle(['x', 'b', 'a'], edges('a>b', 'b>a'))).toEqual(['b', 'a']);
  });

  test('a self-loop is a cycle of one', () => {
    expect(findCycles(['a', 'b'], edges('a>b', 'b>b'))).toEqual([['b']]);
  });

  test('one cycle per tangle, the shortest way round', () => {
    const found = findCycles(['a', 'b', 'c', 'd', 'x', 'y'], edges('a>b', 'b>c', 'c>a', 'b>a', 'c>d', 'x>y', 'y>x'));
    expect(found).toEqual([
      ['a', 'b'],
      ['x', 'y'],
    ]);
  });

  test('no cycle in a DAG, even a deep one', () => {
    const nodes = Array.from({ length: 20_000 }, (_, i) => `n${i}`);
    const chain = nodes.slice(1).map((id, i) => ({ from: nodes[i] as string, to: id }));
    expect(findCycle(nodes, chain)).toBeUndefined();
    expect(findCycle(nodes, [...chain, { from: 'n19999', to: 'n0' }])).toHaveLength(20_000);
  });
});

describe('ancestors and descendants', () => {
  const document: PipelineDocument = {
    millrace: 1,
    name: 'g',
    nodes: [
      { id: 'src', type: 'read_csv', inputs: {}, params: { path: 'a.csv' } },
      { id: 'other', type: 'read_csv', inputs: {}, params: { path: 'b.csv' } },
      { id: 'f', type: 'filter', inputs: { in: 'src' }, params: { condition: 'x' } },
      { id: 'g', type: 'filter', inputs: { in: 'f.out' }, params: { condition: 'x' } },
      { id: 'h', type: 'filter', inputs: { in: 'other' }, params: { condition: 'x' } },
    ],
  };

  test('over a resolved pipeline', () => {
    const { pipeline } = resolvePipeline(document, defaultCatalogue, { baseDir: '.' });
    if (!pipeline) throw new Error('expected a pipeline');
    expect([...ancestors(pipeline, 'g')].sort()).toEqual(['f', 'src']);
    expect([...descendants(pipeline, 'src')].sort()).toEqual(['f', 'g']);
    expect(descendants(pipeline, 'g').size).toBe(0);
    expect(pipelineEdges(pipeline)).toHaveLength(3);
  });

  test('over a plain edge list (from a document that may be invalid)', () => {
    const e = documentEdges({ ...document, nodes: [...document.nodes, { id: 'bad', type: 'filter', inputs: { in: 'ghost' }, params: {} }] });
    expect(e).toEqual(edges('src>f', 'f>g', 'other>h'));
    expect([...ancestors(e, 'h')]).toEqual(['other']);
    expect([...descendants(e, 'f')]).toEqual(['g']);
  });

  test('a node on a cycle is not its own ancestor', () => {
    expect([...ancestors(edges('a>b', 'b>a'), 'a')]).toEqual(['b']);
  });
});
