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

  /** Borrow a connection for one piece of work; interrupt it if `signal` aborts meanwhile. */
  async with<T>(signal: AbortSignal | undefined, work: (connection: Connection) => Promise<T>): Promise<T> {
    if (signal?.aborted) throw new CancelledError();
    const connection = await this.acquire();
    const onAbort = () => connection.interrupt();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await work(connection);
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.release(connection);
    }
  }

  close(): void {
    for (const connection of [...this.idle, ...this.busy]) connection.close();
    this.idle.length = 0;
    this.busy.clear();
  }
}
