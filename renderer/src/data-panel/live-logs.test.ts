import { describe, expect, it } from 'vitest';
import { MAX_LIVE_LINES, reduceLogEvent } from './live-logs';

describe('live log lines', () => {
  it('collects lines per node, ignores run-level lines, and clears a node when a run starts it again', () => {
    let s = reduceLogEvent({}, { type: 'log', runId: 'r1', nodeId: 'Beak (mm)', level: 'warn', message: 'epoch 1' });
    s = reduceLogEvent(s, { type: 'log', runId: 'r1', level: 'info', message: 'run-level' });
    expect(s).toEqual({ 'Beak (mm)': [{ runId: 'r1', level: 'warn', message: 'epoch 1' }] });
    s = reduceLogEvent(s, { type: 'run-started', runId: 'r2', pipeline: 'p', nodes: [{ nodeId: 'Beak (mm)', nodeType: 'train', fingerprint: 'x' }] });
    expect(s).toEqual({});
  });

  it('keeps only the newest lines of a chatty node', () => {
    let s = {};
    for (let i = 0; i < MAX_LIVE_LINES + 5; i++) s = reduceLogEvent(s, { type: 'log', runId: 'r', nodeId: 'n', level: 'info', message: String(i) });
    const lines = (s as Record<string, { message: string }[]>).n!;
    expect(lines).toHaveLength(MAX_LIVE_LINES);
    expect(lines[0]!.message).toBe('5');
  });
});
