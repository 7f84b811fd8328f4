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
 * Autosave requests of one folder, in the order they arrived. A page that reloads sends its last
 * edits as it goes (a keepalive request) and the new page asks for them at once: a read waits for
 * every save that arrived before it, even one whose body is still on its way, so it never reads the
 * file from before. Saves also land in arrival order, so an older save sent just before can never
 * overwrite a newer one. The key is in the body, hence one queue per folder rather than per file.
 * A save whose body never comes holds the queue only until Node's request timeout (5 minutes) or
 * until its connection closes; only the local, token-holding page can send one.
 */
const queues = new Map<string, Promise<unknown>>();

function inArrivalOrder<T>(context: ServerContext, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(context.autosaveDir) ?? Promise.resolve();
  const result = previous.catch(() => undefined).then(task);
  const settled = result.catch(() => undefined);
  queues.set(context.autosaveDir, settled);
  void settled.then(() => {
    if (queues.get(context.autosaveDir) === settled) queues.delete(context.autosaveDir);
  });
  return result;
}

async function load(context: ServerContext, key: string): Promise<AutosaveResponse> {
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
    handler: ({ req, context }): Promise<AutosaveResponse> =>
      inArrivalOrder(context, async () => {
        const { key, document } = await readJson(req, autosaveRequest);
        const file = fileFor(context, key);
        if (document === null) {
          await rm(file, { force: true });
          return { key, document: null, savedAt: null };
        }
        const savedAt = new Date().toISOString();
        await writeFileAtomic(file, JSON.stringify({ key, savedAt, document }));
        return { key, document, savedAt };
      }),
  },
  {
    method: 'GET',
    path: API_PATHS.autosave,
    handler: ({ url, context }) => inArrivalOrder(context, () => load(context, queryParam(url, 'key'))),
  },
];
