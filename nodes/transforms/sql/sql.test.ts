import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../catalogue.js';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

describe('sql', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    await h.table('my "flights" (2024)', `SELECT * FROM (VALUES ('AMS', 10), ('AMS', 20), ('O''Hare', NULL), ('BOS', 5)) t(origin, "delay (min)")`);
    await h.table('airports', `SELECT * FROM (VALUES ('AMS', 'Amsterdam'), ('BOS', 'Boston')) t(code, city)`);
  });
  afterAll(() => h.close());

  it('runs the query with {{in}} standing for the connected input', async () => {
    const { out } = await h.run(
      'sql',
      { query: 'SELECT origin, avg("delay (min)") AS mean FROM {{in}} GROUP BY origin ORDER BY origin' },
      { in: 'my "flights" (2024)' },
    );
    expect(out!.rows).toEqual([
      { origin: 'AMS', mean: 15 },
      { origin: 'BOS', mean: 5 },
      { origin: "O'Hare", mean: null },
    ]);
  });

  it('takes any number of named inputs, with spaces allowed inside the braces', async () => {
    const { out } = await h.run(
      'sql',
      { query: 'SELECT f.origin, a.city FROM {{ flights }} f JOIN {{airports}} a ON f.origin = a.code ORDER BY "delay (min)"' },
      { flights: 'my "flights" (2024)', airports: 'airports' },
    );
    expect(out!.rows).toEqual([
      { origin: 'BOS', city: 'Boston' },
      { origin: 'AMS', city: 'Amsterdam' },
      { origin: 'AMS', city: 'Amsterdam' },
    ]);
  });

  it('ignores a trailing semicolon but refuses a second statement', async () => {
    const { out } = await h.run('sql', { query: 'SELECT count(*) AS n FROM {{in}};  \n' }, { in: 'airports' });
    expect(out!.rows).toEqual([{ n: 2 }]);
    await expect(h.run('sql', { query: 'SELECT 1; DROP TABLE airports' }, { in: 'airports' })).rejects.toThrow(/one SQL statement/);
    expect((await h.rows('SELECT count(*) AS n FROM airports')).rows).toEqual([{ n: 2 }]);
  });

  it('runs without inputs and over an empty input', async () => {
    expect((await h.run('sql', { query: 'SELECT 42 AS answer' })).out!.rows).toEqual([{ answer: 42 }]);
    await h.table('no_flights', `SELECT * FROM "my ""flights"" (2024)" WHERE false`);
    const { out } = await h.run('sql', { query: 'SELECT origin FROM {{in}}' }, { in: 'no_flights' });
    expect(out!.rows).toEqual([]);
    expect(out!.columns).toEqual([{ name: 'origin', type: 'VARCHAR' }]);
  });

  it('names a placeholder whose input is not connected, listing the connected ones', async () => {
    await expect(h.run('sql', { query: 'SELECT * FROM {{in}} JOIN {{ other }} USING (code)' }, { in: 'airports', b: 'airports' })).rejects.toThrow(
      'The query uses {{other}}, but no input "other" is connected. Connected inputs: {{in}}, {{b}}.',
    );
    await expect(h.run('sql', { query: 'SELECT * FROM {{in}}' })).rejects.toThrow(/Connected inputs: none\./);
    await expect(h.run('sql', { query: 'SELECT * FROM {{ my table }}' }, { in: 'airports' })).rejects.toThrow(/is not a valid input placeholder/);
  });

  it('declares variadic inputs and rejects an empty query', () => {
    const def = defaultCatalogue.get('sql')!;
    expect(def.variadicInputs).toBe(true);
    expect(def.inputs).toEqual([]);
    expect(() => h.parseParams('sql', { query: '   ' })).toThrow(/query is required/);
  });
});
