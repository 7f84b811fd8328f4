import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

describe('read_json', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    const records = [
      { 'Beak Length (mm)': 39.1, 'say "hi"': "O'Brien", seen: '2024-01-02 03:04:05', big: '__BIG__', note: null },
      { 'Beak Length (mm)': null, 'say "hi"': null, seen: null, big: 1, note: 'x' },
    ];
    // JSON.stringify cannot write an integer beyond 2^53 exactly, so put the digits in by hand.
    const text = (r: unknown) => JSON.stringify(r).replace('"__BIG__"', '9007199254740993');
    writeFileSync(path.join(h.dir, 'birds.json'), `[${records.map(text).join(',\n')}]`);
    writeFileSync(path.join(h.dir, 'birds.ndjson'), records.map(text).join('\n') + '\n');
  });
  afterAll(() => h.close());

  const expected = [
    { 'Beak Length (mm)': 39.1, 'say "hi"': "O'Brien", seen: '2024-01-02 03:04:05', big: '9007199254740993', note: null },
    { 'Beak Length (mm)': null, 'say "hi"': null, seen: null, big: 1, note: 'x' },
  ];

  it('reads a JSON array of records, detecting timestamps and keeping big integers exact', async () => {
    const { out } = await h.run('read_json', { path: 'birds.json' });
    expect(out!.columns).toEqual([
      { name: 'Beak Length (mm)', type: 'DOUBLE' },
      { name: 'say "hi"', type: 'VARCHAR' },
      { name: 'seen', type: 'TIMESTAMP' },
      { name: 'big', type: 'BIGINT' },
      { name: 'note', type: 'VARCHAR' },
    ]);
    expect(out!.rows).toEqual(expected);
  });

  it('reads newline-delimited JSON, detected or named explicitly', async () => {
    expect((await h.run('read_json', { path: 'birds.ndjson' })).out!.rows).toEqual(expected);
    expect((await h.run('read_json', { path: 'birds.ndjson', format: 'newline_delimited' })).out!.rows).toEqual(expected);
    expect((await h.run('read_json', { path: 'birds.json', format: 'array' })).out!.rows).toEqual(expected);
  });

  it('names the missing file in its error', async () => {
    await expect(h.run('read_json', { path: 'missing.json' })).rejects.toThrow(/missing\.json/);
  });

  it('rejects an unknown format', () => {
    expect(() => h.parseParams('read_json', { path: 'x.json', format: 'yaml' })).toThrow();
  });
});
