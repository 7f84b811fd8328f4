/**
 * Which pipeline files a launch asks to open: from the command line of the first launch, from a
 * second launch's argv (forwarded by the single-instance lock), or a macOS open-file name.
 * Electron's and Chromium's own switches and the app path are skipped; only existing .yaml/.yml
 * files count (pipeline files may be named *.millrace.yaml).
 */
import { statSync } from 'node:fs';
import path from 'node:path';

const PIPELINE_FILE = /\.ya?ml$/i;

export interface OpenArgsContext {
  /** The folder relative paths are resolved against (the launching shell's working directory). */
  cwd: string;
  /**
   * True when argv is `electron <app path> …` (unpackaged, process.defaultApp): the first
   * positional argument is then the app, not a file.
   */
  defaultApp: boolean;
  /** Injected for tests; default: a regular file exists there. */
  isFile?: (file: string) => boolean;
}

const isFile = (file: string) => statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;

export function isPipelineFileName(file: string): boolean {
  return PIPELINE_FILE.test(file);
}

/** An absolute path when `candidate` names an existing pipeline file, else undefined. */
export function pipelineFile(candidate: string, cwd: string, exists: (file: string) => boolean = isFile): string | undefined {
  if (candidate === '' || candidate.includes('\0') || !isPipelineFileName(candidate)) return undefined;
  const absolute = path.resolve(cwd, candidate);
  return exists(absolute) ? absolute : undefined;
}

/** The pipeline files named in `argv` (process.argv shape: the executable first), in order, without repeats. */
export function pipelineFilesFromArgv(argv: readonly string[], context: OpenArgsContext): string[] {
  const positional: string[] = [];
  let optionsEnded = false;
  for (const arg of argv.slice(1)) {
    if (!optionsEnded && arg === '--') {
      optionsEnded = true;
      continue;
    }
    // --switch, --switch=value, -psn_0_123 (macOS Finder): never files. After `--`, everything is.
    if (!optionsEnded && arg.startsWith('-')) continue;
    positional.push(arg);
  }
  const candidates = context.defaultApp ? positional.slice(1) : positional;
  const files: string[] = [];
  for (const candidate of candidates) {
    const file = pipelineFile(candidate, context.cwd, context.isFile ?? isFile);
    if (file !== undefined && !files.includes(file)) files.push(file);
  }
  return files;
}
