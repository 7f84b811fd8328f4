/**
 * Answers of the small queries node code runs while a node is built (fill_missing's means,
 * one_hot's categories, train's classes), kept by the node's fingerprint and the query's text.
 * The fingerprint covers the node's params, its inputs' fingerprints and the files they read, and
 * the text names the relations read: the same pair reads the same data. So the next preview of
 * any later step, or the run, does not scan the fit data again; a changed file or param gives a
 * new fingerprint and the query runs again.
 */
import type { JsonRow } from '../../nodes/node-definition.js';

/** Enough for every fitted step of several pipelines open at once. */
const DEFAULT_CAPACITY = 512;
/** Larger answers (a query node code should not run at build time) are not kept. */
const DEFAULT_MAX_ROWS = 10_000;

export class BuildQueryMemo {
  /** Most recently used last. */
  private readonly answers = new Map<string, JsonRow[]>();

  constructor(
    private readonly capacity = DEFAULT_CAPACITY,
    private readonly maxRows = DEFAULT_MAX_ROWS,
  ) {}

  /** The kept answer for this node fingerprint and query, else `compute`'s (kept when small). A failure is not kept. */
  async answer(nodeKey: string, sql: string, compute: () => Promise<JsonRow[]>): Promise<JsonRow[]> {
    const key = `${nodeKey}\n${sql}`;
    const kept = this.answers.get(key);
    if (kept) {
      this.answers.delete(key);
      this.answers.set(key, kept);
      return structuredClone(kept);
    }
    const rows = await compute();
    if (rows.length <= this.maxRows) {
      this.answers.set(key, structuredClone(rows));
      for (const oldest of this.answers.keys()) {
        if (this.answers.size <= this.capacity) break;
        this.answers.delete(oldest);
      }
    }
    return rows;
  }

  get size(): number {
    return this.answers.size;
  }
}
