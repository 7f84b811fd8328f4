import { z } from 'zod';
import { SqliteTableWriter } from '../../../engine/sqlite/sqlite-file.js';
import { NodeError, defineSinkNode } from '../../node-definition.js';
import { filePath } from '../../params.js';
import { planColumn } from './sqlite-columns.js';

const CHUNK_ROWS = 4096;

export const writeSqlite = defineSinkNode({
  kind: 'sink',
  type: 'write_sqlite',
  version: 1,
  category: 'sink',
  label: 'Write SQLite',
  description: 'Save the table into a SQLite database file, replacing or appending to a table in one transaction (a failed write changes nothing).',
  aliases: ['sqlite', 'database', 'db', 'export', 'save', 'output'],
  inputs: [{ name: 'in', type: 'table' }],
  outputs: [],
  params: z.strictObject({
    path: filePath('SQLite database file, relative to the pipeline file; created if it does not exist.'),
    table: z.string().min(1, 'a table name is required').meta({ description: 'Table to write.' }),
    mode: z
      .enum(['replace', 'append'])
      .default('replace')
      .meta({ description: 'replace: drop and recreate the table; append: add rows to it (its columns must match the input).' }),
  }),
  example: { path: 'out/results.sqlite', table: 'predictions', mode: 'replace' },
  targets: (params, resolvePath) => [resolvePath(params.path)],
  async write(ctx) {
    const { path, table, mode } = ctx.params;
    const target = ctx.resolvePath(path);
    const plans = (await ctx.columns('in')).map(planColumn);
    const writer = SqliteTableWriter.begin({ path: target, table, mode, columns: plans.map((p) => ({ name: p.name, type: p.sqliteType })) });
    try {
      const select = `SELECT ${plans.map((p) => p.select).join(', ')} FROM ${ctx.input('in')}`;
      for await (const chunk of ctx.streamRows(select, CHUNK_ROWS)) {
        throwIfCancelled(ctx.signal);
        writer.insert(chunk.rows);
      }
      throwIfCancelled(ctx.signal);
    } catch (error) {
      writer.rollback();
      throw error;
    }
    return { rows: writer.commit(), files: [target] };
  },
});

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new NodeError('Cancelled before the table was complete; the SQLite file was left as it was.');
}
