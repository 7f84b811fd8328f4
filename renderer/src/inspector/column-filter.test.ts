import { describe, expect, it } from 'vitest';
import { filterColumns, moveItem } from './column-filter';

const columns = [
  { name: 'Body Mass (g)', type: 'DOUBLE' },
  { name: 'island', type: 'VARCHAR' },
  { name: 'Beak Length (mm)', type: 'DOUBLE' },
  { name: 'mass_kg', type: 'DOUBLE' },
];

describe('column picker list', () => {
  it('lists names starting with the typed text first, then names containing it, ignoring case', () => {
    expect(filterColumns(columns, 'MASS').map((c) => c.name)).toEqual(['mass_kg', 'Body Mass (g)']);
    expect(filterColumns(columns, '  ').map((c) => c.name)).toEqual(columns.map((c) => c.name));
    expect(filterColumns(columns, 'zzz')).toEqual([]);
  });

  it('leaves out the columns already chosen', () => {
    expect(filterColumns(columns, '', ['island', 'mass_kg']).map((c) => c.name)).toEqual(['Body Mass (g)', 'Beak Length (mm)']);
  });

  it('moves a chip to where it was dropped', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 1, 5)).toEqual(['a', 'b', 'c']);
  });
});
