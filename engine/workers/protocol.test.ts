import { describe, expect, it } from 'vitest';
import { encodeMessage, jobMessageSchema, workerMessageSchema } from './protocol.js';

const job = { type: 'job', protocol: 1, job_id: 'j1', task: 'train', job_dir: '/tmp/j', output_dir: '/tmp/o' } as const;

describe('worker protocol', () => {
  it('fills train defaults and keeps the job id and version', () => {
    const parsed = jobMessageSchema.parse({ ...job, params: { model: 'mlp' } });
    expect(parsed).toMatchObject({ protocol: 1, job_id: 'j1', manifest: 'manifest.json' });
    expect(parsed.params).toMatchObject({ model: 'mlp', epochs: 20, device: 'auto', patience: null, hidden_layers: [64, 32] });
  });

  it('rejects unknown params, another protocol version and a bad device', () => {
    expect(jobMessageSchema.safeParse({ ...job, params: { model: 'mlp', epoch: 3 } }).success).toBe(false);
    expect(jobMessageSchema.safeParse({ ...job, protocol: 2, params: { model: 'mlp' } }).success).toBe(false);
    const bad = jobMessageSchema.safeParse({ ...job, params: { model: 'mlp', device: 'gpu' } });
    expect(bad.error?.issues[0]?.message).toBe('device must be auto, cpu, cuda or cuda:N (e.g. cuda:1)');
    expect(jobMessageSchema.safeParse({ ...job, params: { model: 'mlp', device: 'cuda:1' } }).success).toBe(true);
  });

  it('parses every worker message kind, each with the job id', () => {
    const envelope = { protocol: 1, job_id: 'j1' };
    const messages = [
      { type: 'progress', epoch: 1, epochs: 2, step: 10, loss: 0.5, val_loss: null, val_metric: null, samples_per_s: 1e5, epoch_time_s: 0.1, device: 'cpu' },
      { type: 'heartbeat' },
      { type: 'log', level: 'warn', message: 'careful' },
      { type: 'result', metrics: { val_accuracy: 0.9, val_loss: null }, artifacts: { model_dir: '/m' }, device: 'cuda:0 (NVIDIA H100)' },
      { type: 'error', message: 'out of memory', kind: 'oom' },
    ];
    for (const message of messages) expect(workerMessageSchema.parse({ ...message, ...envelope }).type).toBe(message.type);
    expect(workerMessageSchema.safeParse({ type: 'heartbeat', protocol: 1 }).success).toBe(false);
  });

  it('encodes one message per line', () => {
    const line = encodeMessage({ type: 'log', protocol: 1, job_id: 'j', level: 'info', message: 'two\nlines' });
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
  });
});
