/** One column's full profile: statistics, quantiles, histogram and top values. */
import type { ColumnProfile, ProfileValue } from './types';
import { formatCompact, formatCount, formatPercent, formatProfileValue, formatShort } from './format';
import { topShares } from './header-summary';
import { HistogramChart } from './HistogramChart';

export function ColumnCard({ column }: { column: ColumnProfile }) {
  const rows = column.count + column.nulls;
  const stats: [string, string][] = [
    ['Count', formatCount(column.count)],
    ['Nulls', column.nulls === 0 ? 'none' : `${formatPercent(column.null_share)} · ${column.nulls < 100_000 ? formatCount(column.nulls) : formatCompact(column.nulls)}`],
    ['Distinct', `${column.distinct_approx ? '≈' : ''}${formatCount(column.distinct)}`],
  ];
  const add = (label: string, value: ProfileValue | null | undefined) => {
    if (value !== null && value !== undefined) stats.push([label, formatProfileValue(value)]);
  };
  add('Min', column.min);
  add('Max', column.max);
  if (column.kind === 'boolean' && column.mean !== null) stats.push(['True', formatPercent(column.mean)]);
  else add('Mean', column.mean);
  add('Std', column.std);
  if (column.non_finite) stats.push(['NaN / ±∞', formatCount(column.non_finite)]);
  if (column.min_length !== undefined && column.max_length !== undefined) stats.push(['Length', `${column.min_length}–${column.max_length}`]);

  return (
    <article className="dp-card" data-testid={`column-profile-${column.name}`} aria-label={`Profile of ${column.name}`}>
      <header className="dp-card-head">
        <h3 className="dp-card-name" title={column.name}>
          {column.name}
        </h3>
        <span className="dp-card-type" title={column.type}>
          {column.type}
        </span>
      </header>
      {column.error && <p className="dp-card-error">Part of this profile is missing: {column.error}</p>}
      <dl className="dp-stats">
        {stats.map(([label, value]) => (
          <div key={label} className="dp-stat">
            <dt>{label}</dt>
            <dd title={label === 'Nulls' ? `${formatCount(column.nulls)} of ${formatCount(rows)} rows` : value}>{value}</dd>
          </div>
        ))}
      </dl>
      {column.quantiles && (
        <table className="dp-quantiles">
          <thead>
            <tr>
              {(['p05', 'p25', 'p50', 'p75', 'p95'] as const).map((q) => (
                <th key={q}>{q === 'p50' ? 'median' : q}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {(['p05', 'p25', 'p50', 'p75', 'p95'] as const).map((q) => (
                <td key={q} title={formatProfileValue(column.quantiles![q])}>
                  {formatShort(column.quantiles![q])}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      )}
      {column.histogram && column.histogram.length > 0 && <HistogramChart bins={column.histogram} />}
      {column.top_values && column.top_values.length > 0 && (
        <ol className="dp-top-values" aria-label="Most frequent values">
          {topShares(column.top_values, rows).map((v, i) => (
            <li key={i} title={`${v.label}: ${formatCount(v.count)} (${formatPercent(v.share)})`}>
              <span className="dp-top-bar" style={{ width: `${Math.max(1, v.share * 100)}%` }} />
              <span className="dp-top-label">{v.label === '' ? <em>(empty)</em> : v.label}</span>
              <span className="dp-top-count">{formatCount(v.count)}</span>
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
