/** Data-quality check results of one node run: pass/fail, what was checked, detail, failing examples. */
import type { QualityResultRecord } from '../../../engine/contract/api';
import { formatCell, formatCount } from './format';

export function QualityResults({ results }: { results: QualityResultRecord[] }) {
  const failed = results.filter((r) => !r.passed).length;
  return (
    <section className="dp-section" aria-label="Data-quality results">
      <h4 className="dp-section-title">
        Data quality: {failed === 0 ? `all ${results.length} checks passed` : `${failed} of ${results.length} checks failed`}
      </h4>
      <table className="dp-quality" data-testid="quality-results">
        <thead>
          <tr>
            <th />
            <th>Check</th>
            <th>Column</th>
            <th>Detail</th>
            <th>Failing rows</th>
            <th>Examples</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r, i) => (
            <tr key={i} className={r.passed ? 'dp-pass' : 'dp-fail'}>
              <td className="dp-quality-mark" aria-label={r.passed ? 'passed' : 'failed'} title={r.passed ? 'passed' : 'failed'}>
                {r.passed ? '✓' : '✗'}
              </td>
              <td>{r.check}</td>
              <td>{r.column === null ? <span className="dp-muted">table</span> : <code>{r.column}</code>}</td>
              <td>{r.detail}</td>
              <td className="dp-num">{r.failingRows === null ? '' : formatCount(r.failingRows)}</td>
              <td className="dp-quality-examples" title={r.examples ? r.examples.map((e) => formatCell(e)).join(', ') : undefined}>
                {r.examples?.slice(0, 5).map((e, j) => (
                  <code key={j}>{formatCell(e)}</code>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
