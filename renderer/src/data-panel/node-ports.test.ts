import { describe, expect, it } from 'vitest';
import type { NodeTypeJson } from '../../../nodes/catalogue-json';
import { defaultPort, tableOutputs } from './node-ports';

function nodeType(overrides: Partial<NodeTypeJson>): NodeTypeJson {
  return { type: 't', version: 1, kind: 'table', category: 'transform', label: 'T', description: '', aliases: [], inputs: [], outputs: [{ name: 'out', type: 'table' }], dynamicOutputs: false, variadicInputs: false, params: {}, ...overrides };
}

describe('table outputs a node can show', () => {
  it('lists only table ports (a train node shows its history, not its model)', () => {
    const train = nodeType({ type: 'train', kind: 'worker', outputs: [{ name: 'model', type: 'model' }, { name: 'history', type: 'table' }] });
    expect(tableOutputs(train).map((p) => p.name)).toEqual(['history']);
  });

  it('uses the resolved ports of a node whose outputs depend on its params', () => {
    const split = nodeType({ type: 'split', dynamicOutputs: true, outputs: [{ name: 'train', type: 'table' }, { name: 'test', type: 'table' }] });
    expect(tableOutputs(split).map((p) => p.name)).toEqual(['train', 'test']);
    expect(tableOutputs(split, [{ name: 'fit', type: 'table' }, { name: 'valid', type: 'table' }, { name: 'holdout', type: 'table' }]).map((p) => p.name)).toEqual(['fit', 'valid', 'holdout']);
  });

  it('offers no port for sinks (they show their input) or unknown types', () => {
    expect(tableOutputs(nodeType({ kind: 'sink', outputs: [] }))).toEqual([]);
    expect(tableOutputs(undefined)).toEqual([]);
  });

  it('keeps the picked port while it exists, else prefers out, else the first', () => {
    const ports = [{ name: 'out', label: 'out' }, { name: 'confusion', label: 'confusion' }];
    expect(defaultPort(ports, 'confusion')).toBe('confusion');
    expect(defaultPort(ports, 'gone')).toBe('out');
    expect(defaultPort([{ name: 'train', label: 'train' }, { name: 'test', label: 'test' }], undefined)).toBe('train');
    expect(defaultPort([], undefined)).toBeUndefined();
  });
});
