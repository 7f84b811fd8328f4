/** Runs as people read them: durations, start times, node counts, status icons. Pure. */
import type { RunDetails, RunRecord } from '../../../engine/contract/api';

// Derived from the contract's types: the renderer reaches engine types only through engine/contract.
export type NodeRunRecord = RunDetails['nodes'][number];
export type NodeCounts = RunRecord['counts'];
export type RunStatus = RunRecord['status'];
export type NodeRunStatus = NodeRunRecord['status'];

/** 850 ms, 4.2 s, 1 min 05 s, 2 h 03 min */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 3600) return `${Math.floor(totalSeconds / 60)} min ${String(totalSeconds % 60).padStart(2, '0')} s`;
  const minutes = Math.floor(totalSeconds / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** How long a run took, or has been running for. */
export function runDurationMs(run: Pick<RunRecord, 'startedAt' | 'endedAt'>, now: number): number | null {
  const start = Date.parse(run.startedAt);
  const end = run.endedAt ? Date.parse(run.endedAt) : now;
  return Number.isFinite(start) && Number.isFinite(end) ? Math.max(0, end - start) : null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `14:03:07` today, `Nov 26 14:03` this year, `2025-11-26 14:03` before; in local time. */
export function formatStartTime(iso: string, now: Date): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  if (date.toDateString() === now.toDateString()) return `${time}:${pad(date.getSeconds())}`;
  if (date.getFullYear() === now.getFullYear()) return `${MONTHS[date.getMonth()]} ${date.getDate()} ${time}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${time}`;
}

const COUNT_ORDER: NodeRunStatus[] = ['done', 'cached', 'failed', 'running', 'pending', 'skipped', 'cancelled'];

/** `5 done · 2 cached · 1 failed` (zero counts left out). */
export function countsSummary(counts: NodeCounts): string {
  const parts = COUNT_ORDER.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  return parts.length > 0 ? parts.join(' · ') : `${counts.total} nodes`;
}

export interface StatusLook {
  icon: string;
  label: string;
}

const STATUS: Record<RunStatus | NodeRunStatus, StatusLook> = {
  running: { icon: '◐', label: 'Running' },
  succeeded: { icon: '✓', label: 'Succeeded' },
  done: { icon: '✓', label: 'Done' },
  cached: { icon: '≡', label: 'Cached' },
  failed: { icon: '✕', label: 'Failed' },
  cancelled: { icon: '⊘', label: 'Cancelled' },
  interrupted: { icon: '!', label: 'Interrupted (the process stopped mid-run)' },
  pending: { icon: '○', label: 'Pending' },
  skipped: { icon: '–', label: 'Skipped (an input failed)' },
};

export function statusLook(status: RunStatus | NodeRunStatus): StatusLook {
  return STATUS[status];
}

/** One row per node: its latest attempt (retries add rows with higher attempt numbers), in first-seen order. */
export function latestAttempts(nodes: readonly NodeRunRecord[]): NodeRunRecord[] {
  const latest = new Map<string, NodeRunRecord>();
  for (const node of nodes) {
    const seen = latest.get(node.nodeId);
    if (!seen || node.attempt >= seen.attempt) latest.set(node.nodeId, node);
  }
  return [...latest.values()];
}

/** 1,234,567 — rows as a readable number. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : n.toLocaleString('en-US');
}
