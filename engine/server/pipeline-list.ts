/**
 * The pipelines in the served folder: every `*.yaml` / `*.yml` file that looks like a pipeline
 * (`millrace:` at the top level), a few folders deep, with its name and how many problems it has.
 * Dot-folders (.git, .millrace), node_modules and symlinks are not followed.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { PipelineListEntry } from '../contract/api.js';
import type { Engine } from '../engine.js';
import { MAX_FILE_BYTES } from '../pipeline/load-yaml.js';
import { isPipelineFileName } from './project-files.js';

const MAX_DEPTH = 4;
/** Enough for any real project; a huge tree must not make the list slow. */
const MAX_FILES = 500;
const LOOKS_LIKE_PIPELINE = /^millrace\s*:/m;

async function findYamlFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folder: leave it out
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (found.length >= MAX_FILES) return;
      const full = path.join(dir, entry.name);
      if (entry.isFile() && isPipelineFileName(entry.name)) found.push(full);
      else if (entry.isDirectory() && depth < MAX_DEPTH && !entry.name.startsWith('.') && entry.name !== 'node_modules') await walk(full, depth + 1);
    }
  };
  await walk(root, 1);
  return found;
}

async function describeFile(engine: Engine, root: string, file: string): Promise<PipelineListEntry | undefined> {
  const relative = path.relative(root, file).split(path.sep).join('/');
  const fallbackName = path.basename(file).replace(/\.ya?ml$/i, '');
  try {
    if ((await stat(file)).size > MAX_FILE_BYTES) return { path: relative, name: fallbackName, nodes: 0, errors: 1 };
    const text = await readFile(file, 'utf8');
    if (!LOOKS_LIKE_PIPELINE.test(text)) return undefined;
    const loaded = engine.loadText(text, { file });
    const entry: PipelineListEntry = {
      path: relative,
      name: loaded.document?.name ?? fallbackName,
      nodes: loaded.document?.nodes.length ?? 0,
      errors: loaded.issues.filter((i) => i.severity === 'error').length,
    };
    if (loaded.document?.description !== undefined) entry.description = loaded.document.description;
    return entry;
  } catch {
    return undefined; // vanished or unreadable between listing and reading
  }
}

export async function listPipelines(engine: Engine, root: string): Promise<PipelineListEntry[]> {
  const files = await findYamlFiles(root);
  const entries = await Promise.all(files.map((file) => describeFile(engine, root, file)));
  return entries.filter((e): e is PipelineListEntry => e !== undefined);
}
