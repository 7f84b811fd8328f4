/**
 * File access confined to the served folder: every path a request names is resolved against the
 * root and refused when it leads outside it (`..`, absolute paths, symlinks pointing elsewhere).
 */
import { randomBytes } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { lstat, mkdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HttpError } from './http-io.js';

const PIPELINE_EXTENSION = /\.ya?ml$/i;

export const isPipelineFileName = (name: string): boolean => PIPELINE_EXTENSION.test(name);

const inside = (root: string, target: string) => {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch {
    return false;
  }
}

export class ProjectFiles {
  /** The root with its symlinks resolved, so realpaths of files inside it start with it. */
  readonly realRoot: string;

  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
    this.realRoot = realpathSync(this.root);
  }

  /**
   * The absolute location of `relative` (which need not exist yet) under the root as given, or a
   * 403. Existing parts of the path are resolved through their symlinks before the check.
   */
  async resolve(relative: string): Promise<string> {
    const refuse = () => new HttpError(403, `"${relative}" is outside the served folder; only files inside ${this.root} can be used.`);
    if (relative.includes('\0') || path.isAbsolute(relative) || path.posix.isAbsolute(relative) || /^[A-Za-z]:/.test(relative)) throw refuse();
    const lexical = path.resolve(this.realRoot, relative);
    if (!inside(this.realRoot, lexical)) throw refuse();
    // Resolve the deepest part that exists; what does not exist yet cannot be a symlink.
    let existing = lexical;
    while (!(await exists(existing))) existing = path.dirname(existing);
    let real: string;
    try {
      real = await realpath(existing);
    } catch {
      throw refuse(); // a dangling symlink
    }
    if (!inside(this.realRoot, real)) throw refuse();
    const target = path.join(real, path.relative(existing, lexical));
    // Spelled under the root as the user gave it (/tmp, not /private/tmp), as `millrace run` records it.
    return path.join(this.root, path.relative(this.realRoot, target));
  }

  /** Like resolve, for a pipeline file: `.yaml` or `.yml` only. */
  async resolvePipeline(relative: string): Promise<string> {
    if (!isPipelineFileName(relative)) throw new HttpError(403, `"${relative}" is not a pipeline file: only .yaml and .yml files can be opened or saved.`);
    return this.resolve(relative);
  }

  /** The path as the API shows it: relative to the root, forward slashes. */
  relative(absolute: string): string {
    return path.relative(this.root, absolute).split(path.sep).join('/');
  }
}

/** Write through a temporary file and a rename, so a crash never leaves half a file. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
