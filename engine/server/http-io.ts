/** Reading JSON bodies (with a size limit) and writing JSON answers; the one error type handlers throw. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { ApiError } from '../contract/api.js';

/** Largest request body accepted (a pipeline file may be up to 5 MiB too). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** An answer other than 200, with a message for people. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Omit<ApiError, 'error'> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, error: string, extra: Omit<ApiError, 'error'> = {}): void {
  sendJson(res, status, { error, ...extra } satisfies ApiError);
}

/** The raw body, refused with 413 once it passes `limit` bytes (announced or actually sent). */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, `The request body is larger than ${Math.round(limit / 1024 / 1024)} MB.`);
  const announced = Number(req.headers['content-length'] ?? 0);
  if (announced > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (!failed) reject(error);
      failed = true;
    });
  });
}

/** The JSON body checked against a contract schema; any mismatch is a 400 that says what is wrong. */
export async function readJson<S extends z.ZodType>(req: IncomingMessage, schema: S): Promise<z.output<S>> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'Send the request body as JSON (Content-Type: application/json).');
  const raw = await readBody(req);
  let data: unknown;
  try {
    data = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message));
    throw new HttpError(400, `Bad request: ${problems.join('; ')}.`);
  }
  return parsed.data;
}

/** A required query parameter, or a 400 naming it. */
export function queryParam(url: URL, name: string): string {
  const value = url.searchParams.get(name);
  if (value === null || value === '') throw new HttpError(400, `The query parameter "${name}" is required.`);
  return value;
}
