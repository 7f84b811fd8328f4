/** The Data tab: the grid over the whole output, a status line (rows, columns, where they come from), and errors. */
import type { ReactNode } from 'react';
import { DataGrid } from './DataGrid';
import { formatCount, formatRowTotal } from './format';
import type { HeaderSummary } from './header-summary';
import { describeError } from './panel-error';
import { ErrorMessage } from './PanelMessage';
import type { PreviewPager } from './preview-pager';
import type { NodeLog } from './run-log';

export interface DataTabProps {
  pager: PreviewPager | null;
  version: number;
  nodeId: string;
  summaries: ReadonlyMap<string, HeaderSummary>;
  profileNote: ReactNode;
  onRange: (first: number, last: number) => void;
  onRunToHere?: (nodeId: string) => void;
  lastRun?: NodeLog | null;
}

export function DataTab({ pager, version, nodeId, summaries, profileNote, onRange, onRunToHere, lastRun }: DataTabProps) {
  if (pager?.error) {
    return (
      <div className="dp-tab-body dp-scroll">
        <ErrorMessage error={describeError(pager.error, nodeId)} nodeId={nodeId} onRunToHere={onRunToHere} onRetry={() => pager.retry()} lastRun={lastRun} />
      </div>
    );
  }
  if (!pager?.columns) return <GridSkeleton />;
  const count = pager.rowCount();
  const source = pager.source;
  return (
    <div className="dp-tab-body dp-data">
      <DataGrid pager={pager} version={version} columns={pager.columns} rowCount={count.rows} summaries={summaries} label={`Rows of ${nodeId}`} onRange={onRange} />
      <div className="dp-statusbar">
        <span data-testid="row-count" title={count.exact ? undefined : 'More rows may follow: scroll on to load them'}>
          {formatRowTotal(count.seen, count.exact)}
        </span>
        <span>· {formatCount(pager.columns.length)} columns</span>
        {source && source.nodeId !== nodeId && (
          <span>
            · input of this sink, from <code>{source.nodeId}</code>
          </span>
        )}
        <span className="dp-muted">· {pager.cached ? 'from the last run' : 'computed on demand'}</span>
        {pager.pageError && (
          <span className="dp-statusbar-error" title={pager.pageError}>
            Some rows failed to load.{' '}
            <button type="button" className="dp-link" onClick={() => pager.retry()}>
              Retry
            </button>
          </span>
        )}
        <span className="dp-statusbar-right">{profileNote}</span>
      </div>
    </div>
  );
}

function GridSkeleton() {
  return (
    <div className="dp-tab-body dp-grid-skeleton" aria-busy="true" aria-label="Loading rows">
      {Array.from({ length: 10 }, (_, i) => (
        <span key={i} className="dp-skeleton" style={{ width: `${90 - (i % 3) * 12}%` }} />
      ))}
    </div>
  );
}
