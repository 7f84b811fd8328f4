/**
 * The messages between the main process and the engine host (a utilityProcess), checked on
 * arrival on both sides: main → host `start` (serve this folder) and `stop`; host → main `ready`
 * (where the server listens) or `error` (why it could not start).
 */
import { z } from 'zod';

export const toHostSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start'), root: z.string().min(1).max(4096) }),
  z.strictObject({ type: z.literal('stop') }),
]);
export type ToHost = z.infer<typeof toHostSchema>;

export const fromHostSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('ready'),
    url: z.string().regex(/^http:\/\/127\.0\.0\.1:\d+\//),
    port: z.number().int().min(1).max(65535),
    token: z.string().min(16),
    warnings: z.array(z.string()),
  }),
  z.strictObject({ type: z.literal('error'), message: z.string() }),
]);
export type FromHost = z.infer<typeof fromHostSchema>;
export type EngineReady = Extract<FromHost, { type: 'ready' }>;
