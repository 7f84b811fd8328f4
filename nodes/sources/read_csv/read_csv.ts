import { z } from 'zod';
import { literal, typeName } from '../../../engine/sql/quote.js';
import { defineTableNode } from '../../node-definition.js';
import { filePath, typeMap } from '../../params.js';
import { expandSourceFiles } from '../source-files.js';

export const readCsv = defineTableNode({
  kind: 'table',
  type: 'read_csv',
  costly: true,
  version: 1,
  category: 'source',
  label: 'Read CSV',
  description: 'Read a CSV file (or a glob of them). Column types are detected; override any with `types`.',
  aliases: ['csv', 'tsv', 'import', 'load', 'file'],
  inputs: [],
  outputs: [{ name: 'out', type: 'table' }],
  params: z.strictObject({
    path: filePath('CSV file, relative to the pipeline file. Globs such as data/*.csv read several files.'),
    delimiter: z.string().min(1).max(4).optional().meta({ description: 'Field separator; detected when omitted.' }),
    header: z.boolean().default(true).meta({ description: 'Whether the first line holds column names.' }),
    types: typeMap('Override detected types: column → DuckDB type.').optional(),
  }),
  example: { path: 'data/penguins.csv', types: { year: 'INTEGER' } },
  sourceFiles: (params, resolvePath) => expandSourceFiles(resolvePath(params.path)),
  build(ctx) {
    const { path, delimiter, header, types } = ctx.params;
    const options = [`header = ${literal(header)}`];
    if (delimiter !== undefined) options.push(`delim = ${literal(delimiter)}`);
    if (types && Object.keys(types).length > 0) {
      const entries = Object.entries(types).map(([column, type]) => `${literal(column)}: ${literal(typeName(type))}`);
      options.push(`types = {${entries.join(', ')}}`);
    }
    // filename column off, so rows look the same whichever file they came from.
    return { out: `SELECT * FROM read_csv(${literal(ctx.resolvePath(path))}, ${options.join(', ')})` };
  },
});

