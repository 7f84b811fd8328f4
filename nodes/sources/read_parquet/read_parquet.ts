import { z } from 'zod';
import { literal } from '../../../engine/sql/quote.js';
import { defineTableNode } from '../../node-definition.js';
import { filePath } from '../../params.js';
import { expandSourceFiles } from '../source-files.js';

export const readParquet = defineTableNode({
  kind: 'table',
  type: 'read_parquet',
  version: 1,
  category: 'source',
  label: 'Read Parquet',
  description: 'Read a Parquet file (or a glob of them, e.g. data/*.parquet) with its column types as stored.',
  aliases: ['parquet', 'arrow', 'columnar', 'import', 'load', 'file'],
  inputs: [],
  outputs: [{ name: 'out', type: 'table' }],
  params: z.strictObject({
    path: filePath('Parquet file, relative to the pipeline file. Globs such as data/*.parquet read several files.'),
    union_by_name: z
      .boolean()
      .default(false)
      .meta({ description: 'When several files have different columns, match columns by name (missing ones become NULL).' }),
  }),
  example: { path: 'data/trips/*.parquet' },
  sourceFiles: (params, resolvePath) => expandSourceFiles(resolvePath(params.path)),
  build(ctx) {
    const { path, union_by_name } = ctx.params;
    return { out: `SELECT * FROM read_parquet(${literal(ctx.resolvePath(path))}, union_by_name = ${literal(union_by_name)})` };
  },
});
