/** One grid row (or its placeholder while its page loads), cells for the visible columns only. */
import { memo } from 'react';
import type { ColumnInfo, JsonRow } from '../../../engine/contract/api';
import type { RowState } from './preview-pager';
import { formatCell } from './format';

export interface VisibleColumn {
  column: ColumnInfo;
  start: number;
  size: number;
  numeric: boolean;
}

export interface GridRowProps {
  index: number;
  top: number;
  width: number;
  row: RowState;
  columns: VisibleColumn[];
}

/** About how many characters fit in a cell before it is truncated (tooltip from there on). */
const CHAR_PX = 7;

export const GridRow = memo(function GridRow({ index, top, width, row, columns }: GridRowProps) {
  const loaded = typeof row === 'object';
  return (
    <div className={row === 'error' ? 'dp-tr dp-tr-error' : 'dp-tr'} role="row" aria-rowindex={index + 2} style={{ top, width }}>
      <div className="dp-rownum" role="rowheader" title={row === 'error' ? 'These rows failed to load' : undefined}>
        {index + 1}
      </div>
      {columns.map((c) => (loaded ? <Cell key={c.column.name} row={row} column={c} /> : <Placeholder key={c.column.name} column={c} failed={row === 'error'} />))}
    </div>
  );
});

function Cell({ row, column }: { row: JsonRow; column: VisibleColumn }) {
  const value = row[column.column.name];
  const className = column.numeric ? 'dp-td dp-num' : 'dp-td';
  const style = { left: column.start, width: column.size };
  if (value === null || value === undefined) {
    return (
      <div className={className} role="gridcell" data-testid="grid-cell" style={style}>
        <span className="dp-null">null</span>
      </div>
    );
  }
  const text = formatCell(value);
  const truncated = text.length * CHAR_PX > column.size - 12 || text.includes('\n');
  return (
    <div className={className} role="gridcell" data-testid="grid-cell" style={style} title={truncated ? text : undefined}>
      {text}
    </div>
  );
}

function Placeholder({ column, failed }: { column: VisibleColumn; failed: boolean }) {
  return (
    <div className="dp-td dp-td-placeholder" role="gridcell" aria-busy={!failed} style={{ left: column.start, width: column.size }}>
      {!failed && <span className="dp-skeleton" />}
    </div>
  );
}
