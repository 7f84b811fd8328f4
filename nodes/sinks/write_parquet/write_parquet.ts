import { z } from 'zod';
import { ident, literal } from '../../../engine/sql/quote.js';
import { defineSinkNode } from '../../node-definition.js';
import { filePath } from '../../params.js';
import { copyInputToFile } from '../copy-to-file.js';

export const writeParquet = defineSinkNode({
  kind: 'sink',
  type: 'write_parquet',
  version: 1,
  category: 'sink',
  label: 'Write Parquet',
  description: 'Save the table as a compressed Parquet file that keeps every column type; written completely or not at all.',
  aliases: ['parquet', 'export', 'save', 'output', 'arrow', 'columnar', 'file'],
  inputs: [{ name: 'in', type: 'table' }],
  outputs: [],
  params: z.strictObject({
    path: filePath('Parquet file to write, relative to the pipeline file. Its folder is created if needed; an existing file is replaced.'),
    compression: z
      .enum(['snappy', 'zstd', 'gzip', 'uncompressed'])
      .default('snappy')
      .meta({ description: 'snappy: fast to write and read (the default, as in DuckDB, pandas and Spark); zstd: about a quarter smaller, slower to write; gzip: widely readable; uncompressed: largest.' }),
  }),
  example: { path: 'out/features.parquet', compression: 'zstd' },
  targets: (params, resolvePath) => [resolvePath(params.path)],
  async write(ctx) {
    const { path, compression } = ctx.params;
    // Parquet has no 128-bit integers and DuckDB would store them as DOUBLE, losing digits; DECIMAL(38,0)
    // keeps them exact (a value beyond 38 digits fails loudly instead of being rounded).
    const wide = (await ctx.columns('in')).filter((c) => c.type === 'HUGEINT' || c.type === 'UHUGEINT');
    const replace = wide.length > 0 ? ` REPLACE (${wide.map((c) => `CAST(${ident(c.name)} AS DECIMAL(38,0)) AS ${ident(c.name)}`).join(', ')})` : '';
    const query = `SELECT *${replace} FROM ${ctx.input('in')}`;
    return copyInputToFile(ctx, ctx.resolvePath(path), ['FORMAT parquet', `COMPRESSION ${literal(compression)}`], query);
  },
});
