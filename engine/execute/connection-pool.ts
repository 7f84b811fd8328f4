/**
 * DuckDB connections for concurrent work (independent branches, previews), with the ability to
 * interrupt everything a run or a request started.
 */
import type { Connection, Database } from '../duckdb/database.js';

export class CancelledError extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'AbortError';
  }
}

const INTERRUPT_REPEAT_MS = 50;

export class ConnectionPool {
  private readonly idle: Connection[] = [];
  private readonly busy = new Set<Connection>();

  constructor(private readonly db: Database) {}

  async acquire(): Promise<Connection> {
    const connection = this.idle.pop() ?? (await this.newConnection());
    this.busy.add(connection);
    return connection;
  }

  private async newConnection(): Promise<Connection> {
    const connection = await this.db.connect();
    await connection.enableProgress();
    return connection;
  }

  release(connection: Connection): void {
    this.busy.delete(connection);
    this.idle.push(connection);
  }

  /**
   * Borrow a connection for one piece of work; interrupt it if `signal` aborts meanwhile.
   * DuckDB drops an interrupt that arrives while no query is executing (between two statements,
   * or while one is being parsed), so after an abort the interrupt is repeated until the work
   * gives up: the statement in flight, or the next one, is stopped within INTERRUPT_REPEAT_MS.
   */
  async with<T>(signal: AbortSignal | undefined, work: (connection: Connection) => Promise<T>): Promise<T> {
    if (signal?.aborted) throw new CancelledError();
    const connection = await this.acquire();
    let repeat: ReturnType<typeof setInterval> | undefined;
    const onAbort = () => {
      connection.interrupt();
      repeat ??= setInterval(() => connection.interrupt(), INTERRUPT_REPEAT_MS);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      // Aborted while the connection was being opened: the listener came too late to hear it.
      if (signal?.aborted) throw new CancelledError();
      return await work(connection);
    } finally {
      clearInterval(repeat);
      signal?.removeEventListener('abort', onAbort);
      // Cancelled work may have been stopped inside a transaction (even in its ROLLBACK): the next borrower must not inherit it.
      if (signal?.aborted) await connection.execute('ROLLBACK').catch(() => undefined);
      this.release(connection);
    }
  }

  close(): void {
    for (const connection of [...this.idle, ...this.busy]) connection.close();
    this.idle.length = 0;
    this.busy.clear();
  }
}
