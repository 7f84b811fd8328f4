/**
 * Log lines arrive one by one, often hundreds a second; one SQLite transaction per line costs
 * ~35 µs even with synchronous=NORMAL. The buffer writes them in one transaction when it holds
 * `maxEntries` lines or `maxDelayMs` after the first unwritten line, whichever comes first, and
 * whenever asked (end of a run, close, before reading logs back).
 */
import type { LogLevel } from './types.js';

export interface PendingLog {
  runId: string;
  nodeId: string | null;
  time: string;
  level: LogLevel;
  message: string;
}

export interface LogBufferOptions {
  maxEntries: number;
  maxDelayMs: number;
}

export class LogBuffer {
  private entries: PendingLog[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** A write that failed on the timer, where nobody could catch it: reported by the next flush(). */
  private failure: Error | null = null;

  constructor(
    private readonly write: (entries: PendingLog[]) => void,
    private readonly options: LogBufferOptions = { maxEntries: 200, maxDelayMs: 100 },
  ) {}

  get size(): number {
    return this.entries.length;
  }

  add(entry: PendingLog): void {
    this.entries.push(entry);
    if (this.entries.length >= this.options.maxEntries) {
      this.flush();
    } else if (this.timer === null) {
      this.timer = setTimeout(() => this.flushOnTimer(), this.options.maxDelayMs);
      // Buffered logs must not keep a finished CLI process alive; hosts call close() to keep them.
      this.timer.unref();
    }
  }

  /** Write what is buffered now; throws if this or an earlier timed write failed. */
  flush(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const batch = this.entries;
    this.entries = [];
    if (batch.length > 0) this.writeBatch(batch);
    const failure = this.failure;
    this.failure = null;
    if (failure) throw failure;
  }

  private flushOnTimer(): void {
    try {
      this.flush();
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error));
    }
  }

  private writeBatch(batch: PendingLog[]): void {
    try {
      this.write(batch);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Could not save ${batch.length} log lines to the run history: ${reason}`, { cause: error });
    }
  }
}
