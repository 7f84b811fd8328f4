import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../engine/contract/events';
import { createEventHub, type Subscribe } from './event-hub';

function fakeStream() {
  let emit: ((event: EngineEvent) => void) | undefined;
  let connection: ((open: boolean) => void) | undefined;
  let connects = 0;
  let closed = false;
  const connect: Subscribe = (listener, onConnection) => {
    connects++;
    emit = listener;
    connection = onConnection;
    return () => {
      closed = true;
    };
  };
  return { connect, emit: (e: EngineEvent) => emit?.(e), open: (o: boolean) => connection?.(o), stats: () => ({ connects, closed }) };
}

const log = (message: string): EngineEvent => ({ type: 'log', runId: 'r', level: 'info', message });

describe('event hub', () => {
  it('opens one connection for all subscribers and delivers every event to each', () => {
    const stream = fakeStream();
    const hub = createEventHub(stream.connect);
    const a: string[] = [];
    const b: string[] = [];
    hub.subscribe((e) => a.push(e.type === 'log' ? e.message : e.type));
    const stopB = hub.subscribe((e) => b.push(e.type === 'log' ? e.message : e.type));
    stream.emit(log('one'));
    stopB();
    stream.emit(log('two'));
    expect([a, b, stream.stats().connects]).toEqual([['one', 'two'], ['one'], 1]);
    hub.close();
    expect(stream.stats().closed).toBe(true);
  });

  it('tells a late subscriber that the connection is already open', () => {
    const stream = fakeStream();
    const hub = createEventHub(stream.connect);
    hub.subscribe(() => {});
    stream.open(true);
    const seen: boolean[] = [];
    hub.subscribe(() => {}, (open) => seen.push(open));
    stream.open(false);
    expect(seen).toEqual([true, false]);
  });
});
