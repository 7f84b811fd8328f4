/** `millrace docs`: the README's generated node reference is up to date, and `--check` notices when it is not. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOCS_END, DOCS_START } from '../../nodes/catalogue-docs.js';
import { ensureCliBuilt, repoRoot, runCli, tempProject } from '../test-support/cli-process.js';

beforeAll(ensureCliBuilt, 120_000);

describe('millrace docs', () => {
  it('README.md holds the current node reference (docs --check exits 0)', async () => {
    const result = await runCli(['docs', '--check', 'README.md'], { cwd: repoRoot });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('--check exits 1 on a stale reference and --write brings it up to date', async () => {
    const stale = `# Project\n\n${DOCS_START}\n\n#### \`filter\` — Old text\n\n${DOCS_END}\n`;
    const dir = tempProject({ 'README.md': stale });
    const check = await runCli(['docs', '--check', 'README.md'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stderr).toBe('✗ The node reference in README.md is out of date: run npm run docs.\n');
    const write = await runCli(['docs', '--write', 'README.md'], { cwd: dir });
    expect(write.code).toBe(0);
    const updated = readFileSync(path.join(dir, 'README.md'), 'utf8');
    expect(updated).toContain('#### `filter` — Filter rows');
    expect(updated.startsWith('# Project\n\n')).toBe(true);
    expect((await runCli(['docs', '--check', 'README.md'], { cwd: dir })).code).toBe(0);
  });

  it('a README without the markers is a clear error', async () => {
    const dir = tempProject({ 'README.md': '# Project\n' });
    const result = await runCli(['docs', '--check', 'README.md'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^README\.md has no node-reference markers: put these two lines where the reference goes:\n<!-- node-reference:start/);
    expect(result.stderr).not.toContain('--debug');
  });

  it('a README that does not exist is one clear line', async () => {
    const result = await runCli(['docs', '--check', 'NOPE.md'], { cwd: tempProject() });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('NOPE.md: no such file.\n');
  });
});
