/**
 * The workspace is the folder the engine serves: the folder of the pipeline opened. A file inside
 * the current workspace opens in the running UI; a file elsewhere restarts the engine on its folder.
 * With no file, the app opens on the example pipelines (a writable copy in the user data folder
 * when packaged, since the app's own resources are read-only).
 */
import { cpSync, existsSync, realpathSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

export type FilePlacement =
  /** Inside the workspace: open it there (path relative to the workspace, / separators). */
  | { kind: 'inside'; relative: string }
  /** Elsewhere: serve its folder and open it there. */
  | { kind: 'elsewhere'; root: string; relative: string };

/** Symlinks resolved where the path exists (macOS: /tmp is /private/tmp), so the comparison is fair. */
function real(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return path.resolve(file);
  }
}

/** `relative` inside `root`, or undefined when `file` is outside it. */
export function relativeInside(root: string, file: string): string | undefined {
  const relative = path.relative(real(root), real(file));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

export function placeFile(workspaceRoot: string | undefined, file: string): FilePlacement {
  const absolute = path.resolve(file);
  const inside = workspaceRoot === undefined ? undefined : relativeInside(workspaceRoot, absolute);
  if (inside !== undefined) return { kind: 'inside', relative: inside };
  return { kind: 'elsewhere', root: path.dirname(absolute), relative: path.basename(absolute) };
}

export interface DefaultWorkspaceInput {
  packaged: boolean;
  /** The repository's examples/ (unpackaged). */
  repoExamples: string;
  /** process.resourcesPath/examples (packaged; read-only). */
  bundledExamples: string;
  /** app.getPath('userData'). */
  userData: string;
}

/** The folder to serve when no file was given; copies the bundled examples on first start. */
export function defaultWorkspace(input: DefaultWorkspaceInput): string {
  if (!input.packaged) return input.repoExamples;
  const target = path.join(input.userData, 'examples');
  ensureExamplesCopy(input.bundledExamples, target);
  return target;
}

/**
 * Copies the examples once. An existing folder is the user's now (they may have edited or deleted
 * pipelines there), so it is never overwritten.
 */
export function ensureExamplesCopy(source: string, target: string): void {
  if (existsSync(target)) return;
  if (!existsSync(source)) throw new Error(`The bundled example pipelines are missing (${source}); reinstall Millrace.`);
  // Copied next to the target and renamed, so an interrupted copy is never mistaken for a finished one.
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(source, partial, { recursive: true });
  renameSync(partial, target);
}

/** The URL to load for a file in the served folder: the engine's URL (with its token) plus ?file=. */
export function urlWithFile(serverUrl: string, relative: string | undefined): string {
  const url = new URL(serverUrl);
  if (relative !== undefined) url.searchParams.set('file', relative);
  return url.href;
}
