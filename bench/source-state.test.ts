import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sourceState } from './source-state.js';

describe('the source state recorded with the results', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('names the commit and the changed engine and node files, whole, staged or not', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bench-source-'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, stdio: 'ignore' });
    git('init', '-q');
    mkdirSync(path.join(dir, 'engine'));
    mkdirSync(path.join(dir, 'nodes'));
    writeFileSync(path.join(dir, 'engine', 'a.ts'), 'a');
    writeFileSync(path.join(dir, 'nodes', 'b.ts'), 'b');
    writeFileSync(path.join(dir, 'README.md'), 'r');
    git('add', '.');
    git('commit', '-qm', 'first');
    writeFileSync(path.join(dir, 'engine', 'a.ts'), 'changed, not staged');
    writeFileSync(path.join(dir, 'nodes', 'b.ts'), 'changed and staged');
    git('add', 'nodes/b.ts');
    writeFileSync(path.join(dir, 'README.md'), 'outside engine and nodes');
    const state = sourceState(dir);
    expect(state.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(state.uncommitted.sort()).toEqual(['engine/a.ts', 'nodes/b.ts']);
  });
});
