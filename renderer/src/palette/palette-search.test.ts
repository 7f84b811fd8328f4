import { describe, expect, it } from 'vitest';
import type { CatalogueJson, NodeTypeJson } from '../../../nodes/catalogue-json';
import { paletteGroups } from './palette-search';

const t = (type: string, category: NodeTypeJson['category'], label: string, description: string, aliases: string[] = []): NodeTypeJson => ({
  type, category, label, description, aliases, version: 1, kind: 'table', inputs: [], outputs: [], dynamicOutputs: false, variadicInputs: false, params: {},
});

const catalogue: CatalogueJson = {
  formatVersion: 1,
  categories: [
    { id: 'source', label: 'Sources' },
    { id: 'transform', label: 'Transforms' },
    { id: 'ml', label: 'Machine learning' },
  ],
  nodeTypes: [
    t('read_csv', 'source', 'Read CSV', 'Read a CSV file.', ['csv', 'tsv', 'load']),
    t('filter', 'transform', 'Filter rows', 'Keep the rows where a condition holds.', ['where', 'query']),
    t('sql', 'transform', 'SQL query', 'Run your own DuckDB SELECT.', []),
    t('dedupe', 'transform', 'Remove duplicates', 'Keep one row of each set of equal rows.', ['distinct', 'unique']),
    t('train', 'ml', 'Train model', 'Train a model on rows.', ['fit']),
  ],
};

const names = (query: string) => paletteGroups(catalogue, query).map((g) => [g.label, g.types.map((x) => x.type)]);

describe('palette search', () => {
  it('lists every type grouped by category, in the catalogue order, when there is no query', () => {
    expect(names('')).toEqual([
      ['Sources', ['read_csv']],
      ['Transforms', ['filter', 'sql', 'dedupe']],
      ['Machine learning', ['train']],
    ]);
  });

  it('finds types by alias, label and description, and drops empty groups', () => {
    expect(names('distinct')).toEqual([['Transforms', ['dedupe']]]);
    expect(names('tsv')).toEqual([['Sources', ['read_csv']]]);
    expect(names('duckdb')).toEqual([['Transforms', ['sql']]]);
  });

  it('ranks an exact alias above a word in a label, a name above a description, and needs every word', () => {
    expect(names('query')).toEqual([['Transforms', ['filter', 'sql']]]);
    expect(names('row')).toEqual([['Transforms', ['filter', 'dedupe']], ['Machine learning', ['train']]]);
    expect(names('rows keep')).toEqual([['Transforms', ['filter', 'dedupe']]]);
    expect(names('csv model')).toEqual([]);
  });
});
