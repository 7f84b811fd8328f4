import { z } from 'zod';
import { literal } from '../../../engine/sql/quote.js';
import { defineSinkNode } from '../../node-definition.js';
import { filePath } from '../../params.js';
import { copyInputToFile } from '../copy-to-file.js';

export const writeCsv = defineSinkNode({
  kind: 'sink',
  type: 'write_csv',
  version: 1,
  category: 'sink',
  label: 'Write CSV',
  description: 'Save the table as a CSV file; the file appears complete or not at all, never half-written.',
  aliases: ['csv', 'export', 'save', 'output', 'tsv', 'file'],
  inputs: [{ name: 'in', type: 'table' }],
  outputs: [],
  params: z.strictObject({
    path: filePath('CSV file to write, relative to the pipeline file. Its folder is created if needed; an existing file is replaced.'),
    header: z.boolean().default(true).meta({ description: 'Write the column names as the first line.' }),
    delimiter: z.string().min(1).max(4).default(',').meta({ description: 'Field separator, e.g. `,`, `;` or a tab.' }),
  }),
  example: { path: 'out/predictions.csv' },
  targets: (params, resolvePath) => [resolvePath(params.path)],
  write(ctx) {
    const { path, header, delimiter } = ctx.params;
    return copyInputToFile(ctx, ctx.resolvePath(path), ['FORMAT csv', `HEADER ${literal(header)}`, `DELIMITER ${literal(delimiter)}`]);
  },
});
