/**
 * Vertical scrolling of the grid in "virtual" row pixels (see row-window.ts): native while the
 * rows fit a browser's scroll range; with a scaled scrollbar beyond, the wheel and keys move by
 * exact rows while dragging the thumb travels the whole output.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { realFromVirtual, ROW_HEIGHT, scrollBy, scrollGeometry, virtualFromReal, wheelPixels, type ScrollGeometry } from './row-window';

export interface GridScroll {
  geometry: ScrollGeometry;
  /** Real scrollTop and virtual offset, always updated together. */
  top: number;
  offset: number;
  bodyHeight: number;
  onScroll: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
}

export function useGridScroll(ref: RefObject<HTMLDivElement | null>, rowCount: number, headerHeight: number): GridScroll {
  const [height, setHeight] = useState(400);
  const [scroll, setScroll] = useState({ top: 0, offset: 0 });
  const bodyHeight = Math.max(0, height - headerHeight);
  const geometry = scrollGeometry(rowCount, bodyHeight);
  const live = useRef({ geometry, offset: 0, expectedTop: 0, bodyHeight });
  live.current.geometry = geometry;
  live.current.bodyHeight = bodyHeight;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    setHeight(el.clientHeight);
    return () => observer.disconnect();
  }, [ref]);

  const moveTo = useCallback(
    (offset: number) => {
      const el = ref.current;
      if (!el) return;
      const g = live.current.geometry;
      const next = scrollBy(0, offset, g);
      const top = realFromVirtual(next, g);
      live.current.offset = next;
      live.current.expectedTop = top;
      el.scrollTop = top;
      setScroll({ top: el.scrollTop, offset: next });
    },
    [ref],
  );

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const top = el.scrollTop;
    const { geometry: g, expectedTop } = live.current;
    // A scroll we caused ourselves (wheel, keys) keeps its exact virtual offset; anything else
    // (the thumb dragged, a find-in-page jump) maps the real position back.
    const offset = g.scale !== 1 && Math.abs(top - expectedTop) <= 1 ? live.current.offset : virtualFromReal(top, g);
    live.current.offset = offset;
    live.current.expectedTop = top;
    setScroll({ top, offset });
  }, [ref]);

  // Scaled mode only: take over the wheel so one notch moves a few rows, not thousands.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (live.current.geometry.scale === 1 || e.ctrlKey || Math.abs(e.deltaY) < Math.abs(e.deltaX)) return;
      e.preventDefault();
      moveTo(live.current.offset + wheelPixels(e.deltaY, e.deltaMode, live.current.bodyHeight));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [ref, moveTo]);

  // When the row count or viewport changes the scale, put the thumb where the rows are.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || geometry.scale === 1) return;
    moveTo(live.current.offset);
  }, [ref, geometry.scale, geometry.maxVirtual, moveTo]);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      const page = Math.max(ROW_HEIGHT, live.current.bodyHeight - ROW_HEIGHT);
      const deltas: Record<string, number> = { ArrowDown: ROW_HEIGHT, ArrowUp: -ROW_HEIGHT, PageDown: page, PageUp: -page, ' ': e.shiftKey ? -page : page };
      if (e.key === 'Home') moveTo(0);
      else if (e.key === 'End') moveTo(live.current.geometry.maxVirtual);
      else if (deltas[e.key] !== undefined) moveTo(live.current.offset + deltas[e.key]!);
      else return;
      e.preventDefault();
    },
    [moveTo],
  );

  return { geometry, top: scroll.top, offset: Math.min(scroll.offset, geometry.maxVirtual), bodyHeight, onScroll, onKeyDown };
}
