/** Any error a handler throws → a status and a JSON body for people. Nothing reaches the process. */
import { NodeError } from '../../nodes/node-definition.js';
import type { ApiError } from '../contract/api.js';
import { errorMessage, isCancellation } from '../execute/error-message.js';
import { NodePreviewError } from '../preview/lazy-relation.js';
import { HttpError } from './http-io.js';

export interface ErrorResponse {
  status: number;
  body: ApiError;
  /** Unexpected: worth a line on the server's stderr. */
  unexpected: boolean;
}

const FILE_ERRORS: Record<string, [number, string]> = {
  ENOENT: [404, 'No such file or folder.'],
  EACCES: [403, 'Permission denied by the file system.'],
  EPERM: [403, 'Permission denied by the file system.'],
  EISDIR: [409, 'That is a folder, not a file.'],
  ENOTDIR: [409, 'A part of that path is a file, not a folder.'],
  ENOSPC: [507, 'The disk is full.'],
};

export function errorResponse(error: unknown): ErrorResponse {
  if (error instanceof HttpError) return { status: error.status, body: { error: error.message, ...error.extra }, unexpected: false };
  if (error instanceof NodePreviewError) return { status: 422, body: { error: error.message, nodeId: error.nodeId }, unexpected: false };
  if (error instanceof NodeError) return { status: 422, body: { error: errorMessage(error) }, unexpected: false };
  if (isCancellation(error)) return { status: 409, body: { error: 'The request was cancelled.' }, unexpected: false };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = code !== undefined ? FILE_ERRORS[code] : undefined;
  if (known) return { status: known[0], body: { error: `${known[1]} (${errorMessage(error)})` }, unexpected: false };
  return { status: 500, body: { error: `The engine failed: ${errorMessage(error)}` }, unexpected: true };
}
