import { z } from 'zod';
import { literal } from '../../../engine/sql/quote.js';
import { defineTableNode } from '../../node-definition.js';
import { filePath } from '../../params.js';
import { expandSourceFiles } from '../source-files.js';

export const readJson = defineTableNode({
  kind: 'table',
  type: 'read_json',
  costly: true,
  version: 1,
  category: 'source',
  label: 'Read JSON',
  description: 'Read a JSON file holding an array of records, or one record per line (NDJSON / JSON Lines); column types are detected.',
  aliases: ['json', 'ndjson', 'jsonl', 'json lines', 'import', 'load', 'file'],
  inputs: [],
  outputs: [{ name: 'out', type: 'table' }],
  params: z.strictObject({
    path: filePath('JSON file, relative to the pipeline file. Globs such as logs/*.jsonl read several files.'),
    format: z
      .enum(['auto', 'array', 'newline_delimited'])
      .default('auto')
      .meta({ description: 'auto: detect; array: one JSON array of records; newline_delimited: one record per line.' }),
  }),
  example: { path: 'data/penguins.json' },
  sourceFiles: (params, resolvePath) => expandSourceFiles(resolvePath(params.path)),
  build(ctx) {
    const { path, format } = ctx.params;
    return { out: `SELECT * FROM read_json(${literal(ctx.resolvePath(path))}, format = ${literal(format)})` };
  },
});
