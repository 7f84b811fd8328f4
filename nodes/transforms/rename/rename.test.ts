import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

describe('rename', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    await h.table('birds', `SELECT * FROM (VALUES (1, 'Adelie', 39.1), (2, NULL, NULL)) t(id, species, "Beak Length (mm)")`);
  });
  afterAll(() => h.close());

  it('renames columns and keeps their order and values', async () => {
    const { out } = await h.run('rename', { columns: { 'Beak Length (mm)': 'beak', species: 'O\'Brien "Kind"' } }, { in: 'birds' });
    expect(out!.columns.map((c) => c.name)).toEqual(['id', 'O\'Brien "Kind"', 'beak']);
    expect(out!.rows).toEqual([
      { id: 1, 'O\'Brien "Kind"': 'Adelie', beak: 39.1 },
      { id: 2, 'O\'Brien "Kind"': null, beak: null },
    ]);
  });

  it('allows swapping two names', async () => {
    const { out } = await h.run('rename', { columns: { id: 'species', species: 'id' } }, { in: 'birds' });
    expect(out!.rows[0]).toEqual({ species: 1, id: 'Adelie', 'Beak Length (mm)': 39.1 });
  });

  it('renames the columns of an empty table', async () => {
    await h.table('nobirds', `SELECT * FROM birds WHERE false`);
    const { out } = await h.run('rename', { columns: { id: 'key' } }, { in: 'nobirds' });
    expect(out!.rows).toEqual([]);
    expect(out!.columns.map((c) => c.name)).toEqual(['key', 'species', 'Beak Length (mm)']);
  });

  it('names a missing column', async () => {
    await expect(h.run('rename', { columns: { beak: 'b' } }, { in: 'birds' })).rejects.toThrow(
      'Column "beak" does not exist. Available columns: id, species, Beak Length (mm).',
    );
  });

  it('refuses two columns that would end up with the same name, ignoring case', async () => {
    await expect(h.run('rename', { columns: { species: 'ID' } }, { in: 'birds' })).rejects.toThrow(
      'Columns "id" and "species" would both be called "ID".',
    );
    await expect(h.run('rename', { columns: { id: 'x', species: 'x' } }, { in: 'birds' })).rejects.toThrow(/would both be called "x"/);
  });

  it('rejects an empty rename map and an empty new name', () => {
    expect(() => h.parseParams('rename', { columns: {} })).toThrow(/at least one column/);
    expect(() => h.parseParams('rename', { columns: { id: ' ' } })).toThrow(/cannot be empty/);
  });
});
