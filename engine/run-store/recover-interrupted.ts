/**
 * A run whose process died (crash, kill, power loss) never got to write its end. When a store
 * opens, such runs are closed as `interrupted` so the history never shows a dead run as running.
 */
import type BetterSqlite3 from 'better-sqlite3';
import os from 'node:os';
import { processState } from './process-identity.js';

export const INTERRUPTED_ERROR = 'The process running it stopped before the run finished.';

interface RunningRow {
  id: string;
  pid: number;
  host: string;
  process_marker: string | null;
}

/**
 * Returns the ids of the runs it marked. Runs started on another host are left alone: their
 * process cannot be seen from here (a project folder shared between machines).
 */
export function recoverInterruptedRuns(db: BetterSqlite3.Database, now: () => string): string[] {
  const host = os.hostname();
  const running = db.prepare<[], RunningRow>(`SELECT id, pid, host, process_marker FROM runs WHERE status = 'running'`);
  const markRun = db.prepare<[string, string, string]>(
    `UPDATE runs SET status = 'interrupted', ended_at = ?, error = ? WHERE id = ? AND status = 'running'`,
  );
  const cancelNodes = db.prepare<[string, string, string]>(
    `UPDATE node_runs SET status = 'cancelled', ended_at = coalesce(ended_at, ?), error = coalesce(error, ?)
     WHERE run_id = ? AND status IN ('running', 'pending')`,
  );
  // IMMEDIATE: two stores opening at once must not both decide and write.
  return db
    .transaction(() => {
      const marked: string[] = [];
      for (const run of running.all()) {
        if (run.host !== host || processState(run.pid, run.process_marker) === 'alive') continue;
        const endedAt = now();
        markRun.run(endedAt, INTERRUPTED_ERROR, run.id);
        cancelNodes.run(endedAt, INTERRUPTED_ERROR, run.id);
        marked.push(run.id);
      }
      return marked;
    })
    .immediate();
}
