/**
 * The virtualised grid over a node's whole output: rows by fixed-height arithmetic (any count,
 * see row-window.ts), columns by @tanstack/react-virtual (variable, resizable widths). Only the
 * cells on screen exist in the DOM, so 200 columns × 10M rows scroll like 10 × 100.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { ColumnInfo } from '../../../engine/contract/api';
import { clampWidth, initialColumnWidth } from './column-widths';
import { isNumericType } from './format';
import { GridHeaderCell } from './GridHeaderCell';
import { GridRow, type VisibleColumn } from './GridRow';
import type { HeaderSummary } from './header-summary';
import type { PreviewPager } from './preview-pager';
import { rowTop, visibleRows } from './row-window';
import { useGridScroll } from './use-grid-scroll';

export const HEADER_HEIGHT = 104;

export interface DataGridProps {
  pager: PreviewPager;
  /** Bumped by the pager whenever pages arrive (re-renders the rows). */
  version: number;
  columns: ColumnInfo[];
  rowCount: number;
  summaries: ReadonlyMap<string, HeaderSummary>;
  label: string;
  onRange: (first: number, last: number) => void;
}

function gutterWidth(rowCount: number): number {
  return Math.max(44, String(rowCount).length * 7.5 + 20);
}

export function DataGrid({ pager, columns, rowCount, summaries, label, onRange }: DataGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [widths, setWidths] = useState<Record<string, number>>({});
  const gutter = gutterWidth(rowCount);
  const scroll = useGridScroll(scrollRef, rowCount, HEADER_HEIGHT);

  const widthOf = useCallback((c: ColumnInfo) => widths[c.name] ?? initialColumnWidth(c.name, c.type), [widths]);
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (columns[i] ? widthOf(columns[i]) : 120),
    getItemKey: (i) => columns[i]?.name ?? i,
    paddingStart: gutter,
    overscan: 3,
  });
  useEffect(() => columnVirtualizer.measure(), [columnVirtualizer, widthOf, gutter, columns]);

  const onResize = useCallback((name: string, width: number) => setWidths((w) => ({ ...w, [name]: clampWidth(width) })), []);
  const onResetWidth = useCallback(
    (name: string) =>
      setWidths((w) => {
        const { [name]: _dropped, ...rest } = w;
        return rest;
      }),
    [],
  );

  const numeric = useMemo(() => columns.map((c) => isNumericType(c.type)), [columns]);
  const visible: VisibleColumn[] = columnVirtualizer.getVirtualItems().flatMap((item) => {
    const column = columns[item.index];
    return column ? [{ column, start: item.start, size: item.size, numeric: numeric[item.index] ?? false }] : [];
  });
  const totalWidth = columnVirtualizer.getTotalSize();
  const range = visibleRows(scroll.offset, scroll.bodyHeight, rowCount);

  useEffect(() => {
    if (range.last >= range.first) onRange(range.first, range.last);
  }, [onRange, range.first, range.last]);

  const rows = [];
  for (let i = range.first; i <= range.last; i++) {
    rows.push(<GridRow key={i} index={i} top={HEADER_HEIGHT + rowTop(i, scroll.offset, scroll.top)} width={totalWidth} row={pager.row(i)} columns={visible} />);
  }

  return (
    <div
      ref={scrollRef}
      className="dp-grid"
      data-testid="data-grid"
      role="grid"
      aria-label={label}
      aria-rowcount={rowCount + 1}
      aria-colcount={columns.length}
      tabIndex={0}
      onScroll={scroll.onScroll}
      onKeyDown={scroll.onKeyDown}
    >
      <div className="dp-grid-sizer" style={{ width: totalWidth, height: HEADER_HEIGHT + scroll.geometry.contentHeight, '--dp-gutter': `${gutter}px` } as CSSProperties}>
        <div className="dp-thead" role="row" aria-rowindex={1} style={{ width: totalWidth, height: HEADER_HEIGHT }}>
          <div className="dp-corner" title="Row number">
            #
          </div>
          {visible.map((c) => (
            <GridHeaderCell
              key={c.column.name}
              column={c.column}
              left={c.start}
              width={c.size}
              numeric={c.numeric}
              summary={summaries.get(c.column.name)}
              onResize={onResize}
              onResetWidth={onResetWidth}
            />
          ))}
        </div>
        {rows}
        {rowCount === 0 && (
          <div className="dp-grid-empty" style={{ top: HEADER_HEIGHT + 16, left: 16 }}>
            No rows. The columns are above; a filter or join upstream may remove every row.
          </div>
        )}
      </div>
    </div>
  );
}
