/** Which engine was measured: the commit and whether engine/ or nodes/ had uncommitted changes. */
import { execFileSync } from 'node:child_process';
import { repoRoot } from './paths.js';

export interface SourceState {
  commit: string | null;
  /** Files under engine/ and nodes/ that differ from the commit (`git status` without taking the index lock). */
  uncommitted: string[];
}

export function sourceState(): SourceState {
  const git = (args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const uncommitted = git(['--no-optional-locks', 'status', '--porcelain', '--', 'engine', 'nodes'])
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => line.slice(3));
    return { commit: git(['rev-parse', 'HEAD']), uncommitted };
  } catch {
    return { commit: null, uncommitted: [] };
  }
}
