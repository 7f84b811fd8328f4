/**
 * Autosave: the UI's unsaved document, kept under `.millrace/autosave/` (one file per key, named by
 * the key's hash so any key is a safe file name) until the user saves or discards it.
 */
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { API_PATHS, autosaveRequest, type AutosaveResponse } from '../../contract/api.js';
import type { PipelineDocument } from '../../pipeline/document.js';
import { queryParam, readJson } from '../http-io.js';
import { writeFileAtomic } from '../project-files.js';
import type { Route, ServerContext } from './route.js';

const fileFor = (context: ServerContext, key: string) => path.join(context.autosaveDir, `${createHash('sha256').update(key).digest('hex')}.json`);

/**
 * Writes in progress, by file. A page that reloads sends its last edits as it goes and the new page
 * asks for them at once: the read waits for a write already received, so it never reads the file
 * from before it.
 */
const writing = new Map<string, Promise<unknown>>();

async function afterWrites(file: string): Promise<void> {
  await writing.get(file)?.catch(() => undefined);
}

async function load(context: ServerContext, key: string): Promise<AutosaveResponse> {
  await afterWrites(fileFor(context, key));
  try {
    const stored = JSON.parse(await readFile(fileFor(context, key), 'utf8')) as { document?: PipelineDocument; savedAt?: string };
    return { key, document: stored.document ?? null, savedAt: stored.savedAt ?? null };
  } catch {
    return { key, document: null, savedAt: null }; // nothing saved (or a damaged file: nothing to restore)
  }
}

export const autosaveRoutes: Route[] = [
  {
    method: 'POST',
    path: API_PATHS.autosave,
    handler: async ({ req, context }): Promise<AutosaveResponse> => {
      const { key, document } = await readJson(req, autosaveRequest);
      const file = fileFor(context, key);
      const savedAt = new Date().toISOString();
      // One write per file at a time, in the order they arrived.
      const write = afterWrites(file).then(() => (document === null ? rm(file, { force: true }) : writeFileAtomic(file, JSON.stringify({ key, savedAt, document }))));
      writing.set(file, write);
      try {
        await write;
      } finally {
        if (writing.get(file) === write) writing.delete(file);
      }
      return document === null ? { key, document: null, savedAt: null } : { key, document, savedAt };
    },
  },
  {
    method: 'GET',
    path: API_PATHS.autosave,
    handler: async ({ url, context }) => load(context, queryParam(url, 'key')),
  },
];
