import { describe, expect, it } from 'vitest';
import { byDistance, pageOffsetsFor, pagesToEvict, rowCountEstimate, wantedPages } from './page-math';

describe('page arithmetic', () => {
  it('covers a row range with whole pages', () => {
    expect(pageOffsetsFor(0, 39)).toEqual([0]);
    expect(pageOffsetsFor(190, 210)).toEqual([0, 200]);
    expect(pageOffsetsFor(9_999_950, 9_999_999)).toEqual([9_999_800]);
    expect(pageOffsetsFor(10, 5)).toEqual([]);
  });

  it('wants half a page of margin around the view, but never past a known end', () => {
    expect(wantedPages(0, 40, null)).toEqual([0]);
    expect(wantedPages(150, 190, null)).toEqual([0, 200]);
    expect(wantedPages(500, 540, null)).toEqual([400, 600]);
    expect(wantedPages(150, 190, 250)).toEqual([0, 200]);
    expect(wantedPages(150, 190, 200)).toEqual([0]);
  });

  it('loads the page under the middle of the view first', () => {
    expect(byDistance([400, 600, 800], 640, 680)).toEqual([600, 400, 800]);
  });

  it('evicts the pages furthest from the view when over budget', () => {
    expect(pagesToEvict([0, 200, 400, 600, 800], 620, 660, 3)).toEqual(expect.arrayContaining([0, 200]));
    expect(pagesToEvict([0, 200, 400, 600, 800], 620, 660, 3)).toHaveLength(2);
    expect(pagesToEvict([0, 200], 0, 40, 3)).toEqual([]);
  });

  it('uses a known total, else the end of a short page, else grows a page beyond what was seen', () => {
    expect(rowCountEstimate({ totalRows: 10_000_000, loadedEnd: 200, endAt: null })).toEqual({ rows: 10_000_000, seen: 10_000_000, exact: true });
    expect(rowCountEstimate({ totalRows: null, loadedEnd: 400, endAt: null })).toEqual({ rows: 600, seen: 400, exact: false });
    expect(rowCountEstimate({ totalRows: null, loadedEnd: 523, endAt: 523 })).toEqual({ rows: 523, seen: 523, exact: true });
    expect(rowCountEstimate({ totalRows: null, loadedEnd: 0, endAt: 0 })).toEqual({ rows: 0, seen: 0, exact: true });
  });
});
