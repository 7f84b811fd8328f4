/**
 * Files a run keeps outside DuckDB: model artifact folders (one per model output key, published by
 * an atomic rename so a folder that exists is complete) and scratch job folders for workers.
 */
import { randomBytes } from 'node:crypto';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export interface Workspace {
  modelsDir: string;
  jobsDir: string;
  /** The Python to run the PyTorch worker with, when the project sets one. */
  python?: string;
}

export function modelDir(workspace: Workspace, key: string): string {
  return path.join(workspace.modelsDir, key);
}

export function partialModelDir(workspace: Workspace, key: string): string {
  return path.join(workspace.modelsDir, `.partial-${key}-${randomBytes(4).toString('hex')}`);
}

export async function modelsPresent(workspace: Workspace, keys: string[]): Promise<boolean> {
  for (const key of keys) {
    try {
      await access(path.join(modelDir(workspace, key), 'model.json'));
    } catch {
      return false;
    }
  }
  return true;
}

/** Move a finished model folder into its place in the cache. */
export async function publishModel(workspace: Workspace, partial: string, key: string): Promise<void> {
  const target = modelDir(workspace, key);
  await mkdir(workspace.modelsDir, { recursive: true });
  await rm(target, { recursive: true, force: true });
  await rename(partial, target);
}
