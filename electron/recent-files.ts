/**
 * The pipelines opened lately, most recent first, for File > Open Recent: absolute paths, no
 * duplicates, at most ten, files that are gone left out. Kept in a JSON file in the user data folder.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const RECENT_FILES_FILE = 'recent-files.json';
export const MAX_RECENT = 10;

const recentSchema = z.array(z.string().min(1).max(4096));

/** Paths compare case-insensitively where the file system usually does. */
function samePath(a: string, b: string, platform: NodeJS.Platform): boolean {
  return platform === 'win32' || platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** `path` first, earlier mentions of it removed, capped; pure. */
export function withRecent(list: readonly string[], file: string, platform: NodeJS.Platform = process.platform): string[] {
  return [file, ...list.filter((entry) => !samePath(entry, file, platform))].slice(0, MAX_RECENT);
}

export class RecentFiles {
  private entries: string[];

  constructor(
    private readonly file: string,
    private readonly exists: (file: string) => boolean = existsSync,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {
    this.entries = this.read();
  }

  /** The list as it stands now (files deleted since they were added are left out). */
  list(): string[] {
    return this.entries.filter((entry) => this.exists(entry));
  }

  /** Puts an absolute path first; returns the new list. */
  add(file: string): string[] {
    if (!path.isAbsolute(file)) throw new Error(`Recent files are absolute paths, got "${file}".`);
    this.entries = withRecent(this.list(), path.normalize(file), this.platform);
    this.write();
    return this.list();
  }

  clear(): void {
    this.entries = [];
    this.write();
  }

  private read(): string[] {
    try {
      const parsed = recentSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      if (!parsed.success) return [];
      return parsed.data.filter((entry) => path.isAbsolute(entry)).slice(0, MAX_RECENT);
    } catch {
      return []; // no file yet, or a broken one: start afresh
    }
  }

  private write(): void {
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(this.entries, null, 2)}\n`);
      renameSync(temporary, this.file);
    } catch (error) {
      // The list is a convenience: a read-only profile must not stop the user working.
      process.stderr.write(`millrace: could not save the recent files list: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
}
