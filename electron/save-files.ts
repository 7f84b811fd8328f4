/**
 * The file side of Save As and Export YAML: the name offered in the dialog, the name written
 * (a pipeline file always ends in .yaml or .yml), the write itself, and what the UI is told.
 */
import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SavedFile } from '../engine/contract/desktop-bridge.js';
import { isPipelineFileName } from './open-args.js';
import { relativeInside } from './workspace.js';

/** The native dialogs' filter: pipelines first, anything as a way out. */
export const YAML_FILTERS = [
  { name: 'Millrace pipelines (YAML)', extensions: ['yaml', 'yml'] },
  { name: 'All files', extensions: ['*'] },
];

/** A name the UI suggested, made safe as a file name on every system, ending in .yaml. */
export function suggestedFileName(name: string): string {
  const cleaned = name
    // Path separators and characters Windows forbids; control characters.
    .replace(/[/\\:*?"<>|\p{Cc}]/gu, '-')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 200);
  const base = cleaned === '' ? 'pipeline' : cleaned;
  return isPipelineFileName(base) ? base : `${base}.yaml`;
}

/** The dialog's answer with .yaml added when the user typed no YAML extension. */
export function withYamlExtension(file: string): string {
  return isPipelineFileName(file) ? file : `${file}.yaml`;
}

/**
 * The file to write for a dialog answer. Adding .yaml can name a file the dialog did not ask
 * about; that one is never overwritten silently.
 */
export function targetFile(chosen: string, exists: (file: string) => boolean = existsSync): string {
  const file = withYamlExtension(chosen);
  if (file !== chosen && exists(file)) {
    throw new Error(`${path.basename(file)} already exists in ${path.dirname(file)}. Save again and choose another name.`);
  }
  return file;
}

/** Written beside the target and renamed over it: a crash never leaves half a pipeline. */
export async function writeTextFile(file: string, text: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export function savedFile(workspaceRoot: string | undefined, absolutePath: string): SavedFile {
  const relativePath = workspaceRoot === undefined ? undefined : relativeInside(workspaceRoot, absolutePath);
  return relativePath === undefined ? { absolutePath } : { absolutePath, relativePath };
}
