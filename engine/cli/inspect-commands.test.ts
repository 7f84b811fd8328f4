/** `millrace preview`, `profile` and `catalogue` in a real process, on awkward data with known answers. */
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinNodes } from '../../nodes/catalogue.js';
import { ensureCliBuilt, runCli, tempProject } from '../test-support/cli-process.js';

// Names with spaces, quotes, parentheses and a non-ASCII sign; NULLs in every column but id; a
// HUGEINT beyond 2^53 and one at the type's maximum.
const ITEMS = [
  'id,Price ($),"say ""hi""",sold on,big',
  '1,2.5,a,2024-01-05,9007199254740993',
  '2,,b,2024-02-10,1',
  '3,4.0,,2024-03-15,',
  '4,1.5,a,,170141183460469231731687303715884105727',
  '',
].join('\n');

const PIPELINE = `millrace: 1
name: inspect
nodes:
  - id: items
    type: read_csv
    params: { path: items.csv, types: { big: HUGEINT } }
  - id: priced
    type: derive
    inputs: { in: items }
    params: { columns: { Price (¢): '"Price ($)" * 100' } }
  - id: parts
    type: split
    inputs: { in: items }
    params: { fractions: { train: 0.5, test: 0.5 }, order_by: id }
  - id: broken
    type: filter
    inputs: { in: items }
    params: { condition: no_such_column > 0 }
  - id: after_broken
    type: limit
    inputs: { in: broken }
    params: { count: 1 }
  - id: file
    type: write_csv
    inputs: { in: priced }
    params: { path: out/priced.csv }
`;

let dir: string;
const cli = (...args: string[]) => runCli(args, { cwd: dir });

beforeAll(async () => {
  dir = tempProject({ 'items.csv': ITEMS, 'p.yaml': PIPELINE });
  await ensureCliBuilt();
}, 120_000);

describe('millrace preview', () => {
  it('prints a table with the column names and their types, NULLs shown as NULL', async () => {
    const result = await cli('preview', 'p.yaml', 'priced');
    expect(result.code).toBe(0);
    const [names, types, rule, ...rows] = result.stdout.trimEnd().split('\n');
    expect(names!.trim().split(/\s{2,}/)).toEqual(['id', 'Price ($)', 'say "hi"', 'sold on', 'big', 'Price (¢)']);
    expect(types!.trim().split(/\s+/)).toEqual(['bigint', 'double', 'varchar', 'date', 'hugeint', 'double']);
    expect(rule).toMatch(/^─+( {2}─+){5}$/);
    expect(rows).toHaveLength(4);
    expect(rows[1]!.trim().split(/\s+/)).toEqual(['2', 'NULL', 'b', '2024-02-10', '1', 'NULL']);
    expect(rows[0]).toContain('9007199254740993');
    expect(result.stderr).toMatch(/^4 row\(s\), 6 column\(s\) of priced\.out \(computed lazily, \d+(ms|\.\d+s)\)\n$/);
  });

  it('--json prints the rows as an array of objects, exact values, huge integers as text', async () => {
    const result = await cli('preview', 'p.yaml', 'priced', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      { id: 1, 'Price ($)': 2.5, 'say "hi"': 'a', 'sold on': '2024-01-05', big: '9007199254740993', 'Price (¢)': 250 },
      { id: 2, 'Price ($)': null, 'say "hi"': 'b', 'sold on': '2024-02-10', big: 1, 'Price (¢)': null },
      { id: 3, 'Price ($)': 4, 'say "hi"': null, 'sold on': '2024-03-15', big: null, 'Price (¢)': 400 },
      { id: 4, 'Price ($)': 1.5, 'say "hi"': 'a', 'sold on': null, big: '170141183460469231731687303715884105727', 'Price (¢)': 150 },
    ]);
  });

  it('--limit, --offset and --port pick the rows and the output', async () => {
    const result = await cli('preview', 'p.yaml', 'parts', '--port', 'test', '--limit', '1', '--offset', '1', '--json');
    expect(result.code).toBe(0);
    // A time-ordered split puts ids 3 and 4 in `test`; the second of them is id 4.
    expect((JSON.parse(result.stdout) as { id: number }[]).map((r) => r.id)).toEqual([4]);
  });

  it('a sink previews the table it writes', async () => {
    const result = await cli('preview', 'p.yaml', 'file', '--json', '--limit', '1');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ id: 1, 'Price (¢)': 250 })]);
  });

  it('an unknown node id is a clear error that lists the nodes', async () => {
    const result = await cli('preview', 'p.yaml', 'pricd');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('There is no node "pricd" in inspect. Nodes: items, priced, parts, broken, after_broken, file.\n');
  });

  it('an output port the node does not have lists its ports', async () => {
    const result = await cli('preview', 'p.yaml', 'parts', '--port', 'valid');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Cannot preview "parts": Node "parts" has no table output "valid". Its outputs: train, test.\n');
  });

  it('a node that fails names itself in one line, without a stack trace; so does a failing upstream node', async () => {
    const own = await cli('preview', 'p.yaml', 'broken');
    expect(own.code).toBe(1);
    expect(own.stderr).toMatch(/^Cannot preview "broken": node "broken" failed: .*Column "no_such_column" does not exist.*\n$/);
    const downstream = await cli('preview', 'p.yaml', 'after_broken');
    expect(downstream.code).toBe(1);
    expect(downstream.stderr).toMatch(/^Cannot preview "after_broken": Upstream node "broken" failed: .*"no_such_column".*\n$/);
  });

  it('a bad --limit is refused with a message', async () => {
    const result = await cli('preview', 'p.yaml', 'priced', '--limit', 'ten');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('--limit must be a whole number of 0 or more, got "ten".\n');
  });

  it('a pipeline file that does not exist is one clear line', async () => {
    const result = await cli('preview', 'nope.yaml', 'priced');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('nope.yaml: no such file.\n');
  });
});

interface ColumnProfile {
  name: string;
  type: string;
  count: number;
  nulls: number;
  distinct: number;
  min: unknown;
  max: unknown;
  mean: number | null;
  std: number | null;
  quantiles?: Record<string, unknown>;
  histogram?: { lower: unknown; upper: unknown; count: number }[];
  top_values?: { value: unknown; count: number }[];
}

describe('millrace profile', () => {
  it('--json prints {columns} with type, counts, range, moments, quantiles, histograms and top values', async () => {
    const result = await cli('profile', 'p.yaml', 'items', '--json');
    expect(result.code).toBe(0);
    const profile = JSON.parse(result.stdout) as { rowCount: number; columns: ColumnProfile[] };
    expect(profile.rowCount).toBe(4);
    const byName = new Map(profile.columns.map((c) => [c.name, c]));
    expect([...byName.keys()]).toEqual(['id', 'Price ($)', 'say "hi"', 'sold on', 'big']);
    for (const c of profile.columns) {
      for (const key of ['name', 'type', 'count', 'nulls', 'distinct', 'min', 'max', 'mean', 'std']) expect(c, `${c.name}.${key}`).toHaveProperty(key);
    }

    const price = byName.get('Price ($)')!;
    expect(price).toMatchObject({ type: 'DOUBLE', count: 3, nulls: 1, distinct: 3, min: 1.5, max: 4 });
    expect(price.mean).toBeCloseTo(8 / 3, 12);
    expect(price.std).toBeCloseTo(Math.sqrt(((2.5 - 8 / 3) ** 2 + (4 - 8 / 3) ** 2 + (1.5 - 8 / 3) ** 2) / 2), 12);
    // Linear interpolation between the sorted values 1.5, 2.5, 4.
    expect(price.quantiles).toMatchObject({ p25: 2, p50: 2.5, p75: 3.25 });
    expect(price.histogram!.reduce((n, b) => n + b.count, 0)).toBe(3);
    expect(price.histogram![0]!.lower).toBe(1.5);
    expect(price.histogram![price.histogram!.length - 1]!.upper).toBe(4);

    const text = byName.get('say "hi"')!;
    expect(text).toMatchObject({ type: 'VARCHAR', count: 3, nulls: 1, distinct: 2, min: 'a', max: 'b' });
    expect(text.top_values).toEqual([
      { value: 'a', count: 2 },
      { value: 'b', count: 1 },
    ]);
    expect(text.histogram).toBeUndefined();

    const date = byName.get('sold on')!;
    expect(date).toMatchObject({ type: 'DATE', count: 3, nulls: 1, distinct: 3, min: '2024-01-05', max: '2024-03-15' });
    expect(date.quantiles).toMatchObject({ p50: '2024-02-10' });
    expect(date.histogram!.reduce((n, b) => n + b.count, 0)).toBe(3);

    const big = byName.get('big')!;
    expect(big).toMatchObject({ type: 'HUGEINT', count: 3, nulls: 1, distinct: 3, min: 1, max: '170141183460469231731687303715884105727' });
  });

  it('prints a readable table by default, one row per column', async () => {
    const result = await cli('profile', 'p.yaml', 'items');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]!.trim().split(/\s{2,}/)).toEqual(['column', 'type', 'nulls', 'distinct', 'distribution / top values', 'min', 'max', 'mean', 'std']);
    expect(lines).toHaveLength(2 + 5);
    expect(lines.find((l) => l.startsWith('say "hi"'))).toMatch(/varchar\s+1 \(25\.0%\)\s+2\s+a \(2\), b \(1\)/);
    expect(result.stderr).toMatch(/^4 rows, 5 columns; profiled in /);
  });

  it('an unknown node id lists the nodes', async () => {
    const result = await cli('profile', 'p.yaml', 'itms', '--json');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('There is no node "itms" in inspect. Nodes: items, priced, parts, broken, after_broken, file.\n');
  });

  it('a failing node is named in one line', async () => {
    const result = await cli('profile', 'p.yaml', 'broken');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Cannot profile "broken": node "broken" failed: .*\n$/);
  });
});

describe('millrace catalogue', () => {
  it('prints JSON listing every built-in node type with its ports and a JSON Schema for its params', async () => {
    const result = await runCli(['catalogue'], { cwd: dir });
    expect(result.code).toBe(0);
    const catalogue = JSON.parse(result.stdout) as {
      formatVersion: number;
      categories: { id: string; label: string }[];
      nodeTypes: { type: string; category: string; label: string; inputs: unknown[]; outputs: unknown[]; params: Record<string, unknown> }[];
    };
    expect(catalogue.formatVersion).toBe(1);
    expect(catalogue.nodeTypes.map((n) => n.type).sort()).toEqual(builtinNodes.map((d) => d.type).sort());
    const categories = new Set(catalogue.categories.map((c) => c.id));
    for (const node of catalogue.nodeTypes) {
      expect(categories.has(node.category), node.type).toBe(true);
      expect(node.params.$schema, node.type).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(node.params.type, node.type).toBe('object');
      expect(typeof node.params.properties, node.type).toBe('object');
      expect(Array.isArray(node.inputs) && Array.isArray(node.outputs), node.type).toBe(true);
    }
    const filter = catalogue.nodeTypes.find((n) => n.type === 'filter')!;
    expect(filter.params).toMatchObject({ required: ['condition'], properties: { condition: { type: 'string' } }, additionalProperties: false });
  });
});
