/** The inline profile under a column header: null share bar, a tiny histogram or the top three values, distinct and range. */
import { formatPercent } from './format';
import type { HeaderSummary } from './header-summary';
import { histogramPath } from './svg-paths';

const CHART_HEIGHT = 28;

export function MiniProfile({ summary, width }: { summary: HeaderSummary | undefined; width: number }) {
  if (!summary) {
    return (
      <div className="dp-mini dp-mini-pending" aria-hidden="true">
        <span className="dp-skeleton" />
        <span className="dp-skeleton dp-skeleton-tall" />
        <span className="dp-skeleton dp-skeleton-short" />
      </div>
    );
  }
  const chartWidth = Math.max(24, width - 18);
  return (
    <div className="dp-mini" title={summary.title}>
      <div className="dp-mini-nulls">
        <span className={summary.nullLabel === 'no rows' ? 'dp-mini-nullbar dp-mini-nullbar-empty' : 'dp-mini-nullbar'} aria-hidden="true">
          <span style={{ width: `${Math.min(100, summary.nullShare * 100)}%` }} />
        </span>
        <span className={summary.nullShare > 0 ? 'dp-mini-null-label dp-has-nulls' : 'dp-mini-null-label'}>{summary.nullLabel}</span>
      </div>
      <div className="dp-mini-chart">
        {summary.chart?.kind === 'histogram' && (
          <svg width={chartWidth} height={CHART_HEIGHT} viewBox={`0 0 ${chartWidth} ${CHART_HEIGHT}`} aria-hidden="true">
            <path className="dp-hist-bars" d={histogramPath(summary.chart.bins.map((b) => b.count), { width: chartWidth, height: CHART_HEIGHT })} />
          </svg>
        )}
        {summary.chart?.kind === 'top' &&
          summary.chart.values.map((v, i) => (
            <div key={i} className="dp-mini-top">
              <span className="dp-mini-topbar" style={{ width: `${Math.max(2, v.share * 100)}%` }} />
              <span className="dp-mini-toplabel">{v.label === '' ? '(empty)' : v.label}</span>
              <span className="dp-mini-toppct">{formatPercent(v.share)}</span>
            </div>
          ))}
        {summary.error && !summary.chart && <span className="dp-mini-error">profile incomplete</span>}
      </div>
      <div className="dp-mini-foot">
        {summary.distinctLabel}
        {summary.rangeLabel ? ` · ${summary.rangeLabel}` : ''}
      </div>
    </div>
  );
}
