import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/client';
import { describeError, isAbort } from './panel-error';

describe('errors in plain words', () => {
  it('names the upstream node an error is about', () => {
    const e = new ApiRequestError(400, { error: 'Parser Error: syntax error at or near "FROM"', nodeId: 'query' });
    expect(describeError(e, 'clean')).toEqual({ message: 'Parser Error: syntax error at or near "FROM"', nodeId: 'query', needsRun: false, issues: [] });
    expect(describeError(e, 'query').nodeId).toBeUndefined();
  });

  it('recognises a worker node that has to run before it has output', () => {
    const e = new ApiRequestError(409, { error: '"model" (train) runs in a worker process: run the pipeline (or run to this node) to see its output.', nodeId: 'model' });
    expect(describeError(e, 'model').needsRun).toBe(true);
  });

  it('takes the node from validation issues and explains a dead engine', () => {
    const e = new ApiRequestError(400, { error: 'The pipeline has errors.', issues: [{ code: 'unknown-column', severity: 'error', message: 'Column "x" does not exist.', nodeId: 'f' }] });
    expect(describeError(e, 'g')).toMatchObject({ nodeId: 'f', issues: [{ code: 'unknown-column' }] });
    expect(describeError(new TypeError('Failed to fetch'), 'g').message).toContain('did not answer');
    expect(describeError('odd', null).message).toBe('odd');
  });

  it('tells cancelled requests apart', () => {
    expect(isAbort(Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }))).toBe(true);
    expect(isAbort(new Error('boom'))).toBe(false);
  });
});
