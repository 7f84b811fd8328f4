/**
 * Shared by the file sinks DuckDB writes itself (CSV, Parquet): COPY the input into a temporary
 * file next to the destination, renamed into place only when complete, so a failed or cancelled
 * write never leaves a half-written file where the old one was.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { literal } from '../../engine/sql/quote.js';
import type { SinkContext, SinkResult } from '../node-definition.js';

/**
 * `options` are COPY options already rendered as SQL, e.g. `FORMAT csv`; `query` is what to write
 * (default: the input as it is).
 */
export async function copyInputToFile(ctx: SinkContext<unknown>, target: string, options: string[], query = `SELECT * FROM ${ctx.input('in')}`): Promise<SinkResult> {
  await mkdir(path.dirname(target), { recursive: true });
  let rows = 0;
  await ctx.writeFileAtomically(target, async (temporary) => {
    // COPY reports the number of rows it wrote; that spares a second pass to count.
    rows = await ctx.execute(`COPY (${query}) TO ${literal(temporary)} (${options.join(', ')})`);
  });
  return { rows, files: [target] };
}
