import { describe, expect, it } from 'vitest';
import { checkConnection } from '../../../engine/contract/connection-rules';
import type { PipelineDocument } from '../../../engine/pipeline/document';
import type { NodeTypeJson } from '../../../nodes/catalogue-json';
import { createPortLookup, nextVariadicPort } from './port-lookup';

function nodeType(type: string, inputs: NodeTypeJson['inputs'], outputs: NodeTypeJson['outputs'], extra: Partial<NodeTypeJson> = {}): NodeTypeJson {
  return { type, version: 1, kind: 'table', category: 'transform', label: type, description: '', aliases: [], inputs, outputs, dynamicOutputs: false, variadicInputs: false, params: {}, ...extra };
}

const types = new Map(
  [
    nodeType('read_csv', [], [{ name: 'out', type: 'table' }], { category: 'source' }),
    nodeType('filter', [{ name: 'in', type: 'table' }], [{ name: 'out', type: 'table' }]),
    nodeType('split', [{ name: 'in', type: 'table' }], [{ name: 'train', type: 'table' }, { name: 'test', type: 'table' }], { dynamicOutputs: true }),
    nodeType('train', [{ name: 'train', type: 'table' }], [{ name: 'model', type: 'model' }, { name: 'history', type: 'table' }], { category: 'ml' }),
    nodeType('sql', [], [{ name: 'out', type: 'table' }], { variadicInputs: true }),
  ].map((t) => [t.type, t]),
);

const doc: PipelineDocument = {
  millrace: 1,
  name: 'ports',
  nodes: [
    { id: 'read', type: 'read_csv', inputs: {}, params: {} },
    { id: 'parts', type: 'split', inputs: { in: 'read' }, params: {} },
    { id: 'model', type: 'train', inputs: {}, params: {} },
    { id: 'keep', type: 'filter', inputs: {}, params: {} },
    { id: 'query', type: 'sql', inputs: { in1: 'read' }, params: {} },
  ],
};

describe('port lookup for the connection rules', () => {
  it('refuses a model output into a table input, with a reason', () => {
    const result = checkConnection(doc, createPortLookup(doc, types), { node: 'model', port: 'model' }, { node: 'keep', port: 'in' });
    expect(result).toMatchObject({ ok: false, code: 'PORT_TYPE_MISMATCH' });
    if (!result.ok) expect(result.reason).toMatch(/takes a table/);
  });

  it('uses the validated outputs of a node whose outputs depend on its params', () => {
    const validated = { parts: { inputs: [{ name: 'in', type: 'table' }], outputs: [{ name: 'a', type: 'table' }, { name: 'b', type: 'table' }, { name: 'c', type: 'table' }] } };
    const lookup = createPortLookup(doc, types, validated);
    expect(lookup.outputs('parts')?.map((p) => p.name)).toEqual(['a', 'b', 'c']);
    expect(checkConnection(doc, lookup, { node: 'parts', port: 'c' }, { node: 'keep', port: 'in' })).toEqual({ ok: true });
    expect(checkConnection(doc, createPortLookup(doc, types), { node: 'parts', port: 'c' }, { node: 'keep', port: 'in' })).toMatchObject({ ok: false, code: 'UNKNOWN_OUTPUT_PORT' });
  });

  it('variadic nodes accept any valid input name, and the next free one is in1, in2, …', () => {
    const lookup = createPortLookup(doc, types);
    expect(lookup.input('query', 'in2')).toEqual({ name: 'in2', type: 'table' });
    expect(lookup.input('query', 'bad name')).toBeUndefined();
    expect(checkConnection(doc, lookup, { node: 'parts', port: 'train' }, { node: 'query', port: 'in2' })).toEqual({ ok: true });
    expect(nextVariadicPort({ in1: 'read' })).toBe('in2');
    expect(nextVariadicPort({ in2: 'read' })).toBe('in1');
  });

  it('a cycle is refused and named', () => {
    const chain: PipelineDocument = { ...doc, nodes: [...doc.nodes, { id: 'again', type: 'filter', inputs: { in: 'keep' }, params: {} }] };
    const result = checkConnection(chain, createPortLookup(chain, types), { node: 'again', port: 'out' }, { node: 'keep', port: 'in' });
    expect(result).toMatchObject({ ok: false, code: 'CYCLE' });
  });
});
