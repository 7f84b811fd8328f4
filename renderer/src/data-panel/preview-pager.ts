/**
 * Pages through one node output: caches pages by offset, fetches what comes into view (a few at
 * a time, nearest first), cancels requests for pages that scrolled out of view, and drops far
 * pages when over budget. Framework-free; the grid subscribes to it.
 */
import type { ColumnInfo, JsonRow, PreviewResponse } from '../../../engine/contract/api';
import { byDistance, PAGE_SIZE, pagesToEvict, rowCountEstimate, wantedPages, type RowCount } from './page-math';

export type PageFetcher = (offset: number, limit: number, signal: AbortSignal) => Promise<PreviewResponse>;

export type RowState = JsonRow | 'loading' | 'error' | undefined;

type Page = { status: 'loading'; controller: AbortController } | { status: 'loaded'; rows: JsonRow[] } | { status: 'error'; message: string };

export interface PagerOptions {
  pageSize?: number;
  /** Requests at once; the rest wait in view order. */
  maxInFlight?: number;
  /** Loaded pages kept in memory (a 10M-row output is not kept whole). */
  maxPages?: number;
  /** Wait this long after a scroll before fetching, so dragging the scrollbar does not fire a request per frame. */
  delayMs?: number;
}

export class PreviewPager {
  readonly pageSize: number;
  private readonly maxInFlight: number;
  private readonly maxPages: number;
  private readonly delayMs: number;
  private readonly pages = new Map<number, Page>();
  private readonly listeners = new Set<() => void>();
  private range: [number, number] = [0, 0];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  columns: ColumnInfo[] | null = null;
  /** The node and port the rows come from (a sink shows its input). */
  source: { nodeId: string; port: string } | null = null;
  cached = false;
  /** The first page's error, when no rows came back at all. */
  error: unknown = null;
  /** Message of the most recent failed page after rows had loaded. */
  pageError: string | null = null;
  version = 0;
  private totalRows: number | null = null;
  private loadedEnd = 0;
  private endAt: number | null = null;

  constructor(
    private readonly fetchPage: PageFetcher,
    options: PagerOptions = {},
  ) {
    this.pageSize = options.pageSize ?? PAGE_SIZE;
    this.maxInFlight = options.maxInFlight ?? 3;
    this.maxPages = options.maxPages ?? 250;
    this.delayMs = options.delayMs ?? 60;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  /** The total from elsewhere (the profile's rowCount) when the preview could not count cheaply. */
  setTotalRows(total: number): void {
    if (this.totalRows === total) return;
    this.totalRows = total;
    this.changed();
  }

  rowCount(): RowCount {
    return rowCountEstimate({ totalRows: this.totalRows, loadedEnd: this.loadedEnd, endAt: this.endAt, pageSize: this.pageSize });
  }

  row(index: number): RowState {
    const offset = Math.floor(index / this.pageSize) * this.pageSize;
    const page = this.pages.get(offset);
    if (!page) return undefined;
    if (page.status === 'loading') return 'loading';
    if (page.status === 'error') return 'error';
    return page.rows[index - offset];
  }

  /** Rows first..last are on screen: fetch what they need, cancel what left the view. */
  show(first: number, last: number): void {
    if (this.disposed) return;
    this.range = [first, last];
    const keep = new Set(wantedPages(first, last, this.limit(), this.pageSize));
    for (const [offset, page] of this.pages) {
      if (page.status === 'loading' && !keep.has(offset)) {
        page.controller.abort();
        this.pages.delete(offset);
      }
    }
    clearTimeout(this.timer);
    if (this.delayMs <= 0) this.pump();
    else this.timer = setTimeout(() => this.pump(), this.delayMs);
  }

  /** Forget failed pages so they load again. */
  retry(): void {
    for (const [offset, page] of this.pages) if (page.status === 'error') this.pages.delete(offset);
    this.pageError = null;
    this.error = null;
    this.changed();
    this.pump();
  }

  /** Cancel everything in flight and fetch nothing more; loaded rows stay readable (shown until a refetch replaces them). */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    for (const [offset, page] of this.pages) {
      if (page.status !== 'loading') continue;
      page.controller.abort();
      this.pages.delete(offset);
    }
    this.listeners.clear();
  }

  private limit(): number | null {
    const count = this.rowCount();
    return count.exact ? count.rows : null;
  }

  private pump(): void {
    if (this.disposed || this.error !== null) return;
    const [first, last] = this.range;
    let inFlight = [...this.pages.values()].filter((p) => p.status === 'loading').length;
    const missing = wantedPages(first, last, this.limit(), this.pageSize).filter((offset) => !this.pages.has(offset));
    for (const offset of byDistance(missing, first, last, this.pageSize)) {
      if (inFlight >= this.maxInFlight) break;
      // Before the first page answers, one request at a time: an error would only repeat.
      if (this.columns === null && inFlight > 0) break;
      inFlight++;
      this.load(offset);
    }
  }

  private load(offset: number): void {
    const controller = new AbortController();
    this.pages.set(offset, { status: 'loading', controller });
    this.fetchPage(offset, this.pageSize, controller.signal).then(
      (response) => {
        if (controller.signal.aborted || this.disposed) return;
        this.pages.set(offset, { status: 'loaded', rows: response.rows });
        this.columns ??= response.columns;
        this.source ??= { nodeId: response.nodeId, port: response.port };
        this.cached = response.cached;
        if (response.totalRows !== null) this.totalRows = response.totalRows;
        this.loadedEnd = Math.max(this.loadedEnd, offset + response.rows.length);
        if (response.rows.length < this.pageSize) this.endAt = Math.min(this.endAt ?? Infinity, offset + response.rows.length);
        this.evict();
        this.changed();
        this.pump();
      },
      (error: unknown) => {
        if (controller.signal.aborted || this.disposed) return;
        const message = error instanceof Error ? error.message : String(error);
        this.pages.set(offset, { status: 'error', message });
        if (this.columns === null) this.error = error;
        else this.pageError = message;
        this.changed();
        this.pump();
      },
    );
  }

  private evict(): void {
    const loaded = [...this.pages].filter(([, p]) => p.status === 'loaded').map(([offset]) => offset);
    for (const offset of pagesToEvict(loaded, this.range[0], this.range[1], this.maxPages, this.pageSize)) this.pages.delete(offset);
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
