/**
 * Fit statistics (means, medians, spreads, modes) computed once, when a node is built, and handed
 * back as exact SQL constants, as a fitted scikit-learn transformer holds them. The node's output
 * then reads its input once, and later reads of it (preview pages, the profile, the run) do not
 * aggregate the fit data again; its SQL also shows the values it used.
 */
import { ident, literal, SqlBuildError, typeName } from '../../engine/sql/quote.js';
import type { BaseContext } from '../node-definition.js';

/**
 * One constant per aggregate in `statistics`, computed in one query over `from` (or none, for
 * aggregates that are scalar subqueries of their own). Each value travels as text with its type,
 * so a DECIMAL, a BIGINT beyond 2^53 or a timestamp comes back exactly; NULL stays NULL.
 */
export async function fittedConstants(ctx: BaseContext<unknown>, statistics: string[], from: string | null): Promise<string[]> {
  if (statistics.length === 0) return [];
  const computed = statistics.map((s, i) => `${s} AS ${ident(`s${i}`)}`);
  const read = statistics.map((_, i) => `CAST(${ident(`s${i}`)} AS VARCHAR) AS ${ident(`v${i}`)}, typeof(${ident(`s${i}`)}) AS ${ident(`t${i}`)}`);
  const [row] = await ctx.query(`SELECT ${read.join(', ')} FROM (SELECT ${computed.join(', ')}${from === null ? '' : ` FROM ${from}`})`);
  return statistics.map((_, i) => {
    const text = row?.[`v${i}`];
    return typeof text === 'string' ? `CAST(${literal(text)} AS ${constantType(row?.[`t${i}`])})` : 'NULL';
  });
}

/** The statistic's type as DuckDB names it, checked as a type name; text for a type no plain name holds. */
function constantType(type: unknown): string {
  return plainTypeName(type) ?? 'VARCHAR';
}

/** A type as `typeof()` names it, checked as a type name SQL can be built with; undefined when it is no plain name (an ENUM, a STRUCT…). */
export function plainTypeName(type: unknown): string | undefined {
  try {
    return typeName(String(type));
  } catch (error) {
    if (error instanceof SqlBuildError) return undefined;
    throw error;
  }
}
