/**
 * Drift statistics as scalar SQL subqueries, one per column, so the whole drift table is one
 * lazy DuckDB statement.
 *
 * - PSI (population stability index) = Σ (cur% − ref%) · ln(cur% / ref%) over bins. Numbers are
 *   binned at the reference's quantiles; text by category. NULL is a bin of its own, so a change
 *   in how often values are missing counts as drift. Empty bins count as PSI_EPSILON so ln stays finite.
 * - KS (Kolmogorov–Smirnov) = max |ECDF_ref(x) − ECDF_cur(x)| over the non-NULL values of both.
 */
import { ident, literal } from '../../../engine/sql/quote.js';

export const PSI_EPSILON = 1e-4;

/** number and time columns are binned or ordered as numbers; categories (text, booleans) are counted. */
export type ValueKind = 'number' | 'time' | 'category';

const NUMBER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL\(\d+,\s*\d+\))$/;
const TIME = /^(DATE|TIMESTAMP|TIMESTAMP_S|TIMESTAMP_MS|TIMESTAMP_NS|TIMESTAMP WITH TIME ZONE)$/;
const CATEGORY = /^(VARCHAR|BOOLEAN|ENUM\(.*\))$/s;

/** How a column of this DuckDB type is compared, or undefined when drift is not defined for it (lists, blobs...). */
export function valueKind(type: string): ValueKind | undefined {
  if (NUMBER.test(type)) return 'number';
  if (TIME.test(type)) return 'time';
  if (CATEGORY.test(type)) return 'category';
  return undefined;
}

/** The value compared: numbers as DOUBLE, dates and timestamps as seconds since 1970, the rest as text. */
export function valueExpression(column: string, kind: ValueKind): string {
  if (kind === 'time') return `CAST(epoch(${ident(column)}) AS DOUBLE)`;
  if (kind === 'number') return `CAST(${ident(column)} AS DOUBLE)`;
  return `CAST(${ident(column)} AS VARCHAR)`;
}

// CTE names that no input relation will have, so they cannot shadow one.
const R = ident('_drift_ref');
const C = ident('_drift_cur');
const RB = ident('_drift_ref_bins');
const CB = ident('_drift_cur_bins');

function values(reference: string, current: string, valueSql: string): string {
  return `${R} AS (SELECT ${valueSql} AS x FROM ${reference}), ${C} AS (SELECT ${valueSql} AS x FROM ${current})`;
}

/** PSI from two (bin, n) tables; NULL when either side has no rows. */
function psiFromBins(): string {
  const eps = literal(PSI_EPSILON);
  return `SELECT CASE WHEN max(na) > 0 AND max(nb) > 0 THEN sum((pb - pa) * ln(pb / pa)) END FROM (
      SELECT greatest(a / na, ${eps}) AS pa, greatest(b / nb, ${eps}) AS pb, na, nb
      FROM (SELECT coalesce(${RB}.n, 0) AS a, coalesce(${CB}.n, 0) AS b FROM ${RB} FULL OUTER JOIN ${CB} ON ${RB}.bin IS NOT DISTINCT FROM ${CB}.bin),
           (SELECT (SELECT sum(n) FROM ${RB}) AS na, (SELECT sum(n) FROM ${CB}) AS nb))`;
}

/** PSI of one column as a scalar subquery. */
export function psiSql(reference: string, current: string, valueSql: string, kind: ValueKind, bins: number): string {
  if (kind === 'category') {
    return `(WITH ${values(reference, current, valueSql)},
      ${RB} AS (SELECT x AS bin, count(*) AS n FROM ${R} GROUP BY x),
      ${CB} AS (SELECT x AS bin, count(*) AS n FROM ${C} GROUP BY x)
      ${psiFromBins()})`;
  }
  const quantiles = Array.from({ length: bins - 1 }, (_, i) => literal((i + 1) / bins)).join(', ');
  const edges = ident('_drift_edges');
  // histogram(x, edges) counts values in (previous edge, edge] plus one bin above the last edge.
  const binned = (table: string) =>
    `SELECT unnest(map_keys(h)) AS bin, unnest(map_values(h)) AS n FROM (SELECT histogram(x, (SELECT e FROM ${edges})) AS h FROM ${table})
       UNION ALL SELECT NULL, count(*) FROM ${table} WHERE x IS NULL`;
  return `(WITH ${values(reference, current, valueSql)},
    ${edges} AS (SELECT coalesce(list_sort(list_distinct(quantile_cont(x, [${quantiles}]))), []::DOUBLE[]) AS e FROM ${R}),
    ${RB} AS (${binned(R)}),
    ${CB} AS (${binned(C)})
    ${psiFromBins()})`;
}

/** KS of one numeric column as a scalar subquery; NULL when either side has no non-NULL values. */
export function ksSql(reference: string, current: string, valueSql: string): string {
  const both = ident('_drift_values');
  const grouped = ident('_drift_grouped');
  return `(WITH ${values(reference, current, valueSql)},
    ${both} AS (SELECT x, 1 AS a, 0 AS b FROM ${R} WHERE x IS NOT NULL UNION ALL SELECT x, 0, 1 FROM ${C} WHERE x IS NOT NULL),
    ${grouped} AS (SELECT x, sum(a) AS a, sum(b) AS b FROM ${both} GROUP BY x)
    SELECT max(abs(ca / na - cb / nb)) FROM
      (SELECT sum(a) OVER w AS ca, sum(b) OVER w AS cb FROM ${grouped} WINDOW w AS (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)),
      (SELECT sum(a) AS na, sum(b) AS nb FROM ${grouped})
    WHERE na > 0 AND nb > 0)`;
}
