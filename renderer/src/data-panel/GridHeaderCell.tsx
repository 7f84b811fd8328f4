/** One column header: name, type, inline profile, and a handle to resize the column. */
import { useRef, type PointerEvent } from 'react';
import type { ColumnInfo } from '../../../engine/contract/api';
import type { HeaderSummary } from './header-summary';
import { MiniProfile } from './MiniProfile';

export interface GridHeaderCellProps {
  column: ColumnInfo;
  left: number;
  width: number;
  numeric: boolean;
  summary: HeaderSummary | undefined;
  onResize: (name: string, width: number) => void;
  onResetWidth: (name: string) => void;
}

export function GridHeaderCell({ column, left, width, numeric, summary, onResize, onResetWidth }: GridHeaderCellProps) {
  const drag = useRef<{ x: number; width: number } | null>(null);

  const start = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, width };
  };
  const move = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) onResize(column.name, drag.current.width + e.clientX - drag.current.x);
  };
  const end = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };

  return (
    <div className={numeric ? 'dp-th dp-th-num' : 'dp-th'} role="columnheader" data-testid={`grid-header-${column.name}`} style={{ left, width }}>
      <div className="dp-th-name" title={`${column.name} (${column.type})`}>
        {column.name}
      </div>
      <div className="dp-th-type" title={column.type}>
        {column.type}
      </div>
      <MiniProfile summary={summary} width={width} />
      <div
        className="dp-th-resize"
        title="Drag to resize · double-click to reset"
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        onDoubleClick={() => onResetWidth(column.name)}
      />
    </div>
  );
}
