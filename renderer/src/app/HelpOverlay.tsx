/** The help overlay (?): every keyboard shortcut, and how the canvas works. */
import { ExternalLink } from '../platform/ExternalLink';
import { Dialog } from './Dialog';
import { SHORTCUT_GROUPS } from './shortcuts';

export function HelpOverlay({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} wide testId="help-overlay">
      <div className="help-grid">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title}>
            <h3>{group.title}</h3>
            <table>
              <tbody>
                {group.items.map((item) => (
                  <tr key={item.what}>
                    <td className="help-keys">{item.gesture ? <span className="help-gesture">{item.keys}</span> : <kbd>{item.keys}</kbd>}</td>
                    <td>{item.what}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
      <p className="muted small">
        Statuses: <span className="legend legend-running">running</span> <span className="legend legend-done">done</span>{' '}
        <span className="legend legend-cached">cached</span> (reused, nothing changed) <span className="legend legend-stale">stale</span> (changed since it
        ran) <span className="legend legend-failed">failed</span>. Unsaved edits are autosaved; reopening the pipeline offers them back.
      </p>
      <p className="muted small">
        Filters, derived columns and queries are DuckDB SQL:{' '}
        <ExternalLink href="https://duckdb.org/docs/stable/sql/introduction" testId="help-duckdb-sql-link">
          DuckDB SQL reference
        </ExternalLink>
        .
      </p>
    </Dialog>
  );
}
