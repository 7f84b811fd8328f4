/** Which engine was measured: the commit and whether engine/ or nodes/ had uncommitted changes. */
import { execFileSync } from 'node:child_process';
import { repoRoot } from './paths.js';

export interface SourceState {
  commit: string | null;
  /** Files under engine/ and nodes/ that differ from the commit (`git status` without taking the index lock). */
  uncommitted: string[];
}

export function sourceState(root: string = repoRoot): SourceState {
  const git = (args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    // Porcelain lines are `XY path`; X is a space for a change not yet staged, so no trimming before the slice.
    const uncommitted = git(['--no-optional-locks', 'status', '--porcelain', '--', 'engine', 'nodes'])
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => line.slice(3));
    return { commit: git(['rev-parse', 'HEAD']).trim(), uncommitted };
  } catch {
    return { commit: null, uncommitted: [] };
  }
}
