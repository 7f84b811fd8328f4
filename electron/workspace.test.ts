import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from './test-support/temp-dir.js';
import { defaultWorkspace, ensureExamplesCopy, placeFile, relativeInside, urlWithFile } from './workspace.js';

describe('placeFile', () => {
  const tempDir = useTempDir();

  it('a file inside the served folder opens there, relative with / separators', () => {
    const root = tempDir();
    expect(placeFile(root, path.join(root, 'penguins.yaml'))).toEqual({ kind: 'inside', relative: 'penguins.yaml' });
    expect(placeFile(root, path.join(root, 'sub dir', "O'Brien.yaml"))).toEqual({ kind: 'inside', relative: "sub dir/O'Brien.yaml" });
  });

  it('a file elsewhere (a sibling folder, a parent, a folder whose name starts like ours) serves its own folder', () => {
    const base = tempDir();
    const root = path.join(base, 'work');
    mkdirSync(root);
    const cases = [path.join(base, 'other', 'a.yaml'), path.join(base, 'a.yaml'), path.join(base, 'work2', 'a.yaml')];
    for (const file of cases) {
      expect(placeFile(root, file), file).toEqual({ kind: 'elsewhere', root: path.dirname(file), relative: 'a.yaml' });
    }
  });

  it('with nothing served yet, every file serves its own folder', () => {
    const file = path.join(tempDir(), 'p.yaml');
    expect(placeFile(undefined, file)).toEqual({ kind: 'elsewhere', root: path.dirname(file), relative: 'p.yaml' });
  });

  it('sees through symlinks: the served folder reached by another name is the same folder', () => {
    const base = tempDir();
    const real = path.join(base, 'real');
    mkdirSync(real);
    writeFileSync(path.join(real, 'p.yaml'), 'millrace: 1\n');
    symlinkSync(real, path.join(base, 'link'));
    expect(placeFile(path.join(base, 'link'), path.join(real, 'p.yaml'))).toEqual({ kind: 'inside', relative: 'p.yaml' });
  });

  it('the folder itself is not a file inside it', () => {
    const root = tempDir();
    expect(relativeInside(root, root)).toBeUndefined();
  });
});

describe('default workspace', () => {
  const tempDir = useTempDir();

  function bundled(): string {
    const dir = path.join(tempDir(), 'resources', 'examples');
    mkdirSync(path.join(dir, 'data'), { recursive: true });
    writeFileSync(path.join(dir, 'penguins.yaml'), 'millrace: 1\nname: penguins\n');
    writeFileSync(path.join(dir, 'data', 'penguins.json'), '[]');
    return dir;
  }

  it('unpackaged: the repository examples folder, nothing copied', () => {
    const userData = tempDir();
    expect(defaultWorkspace({ packaged: false, repoExamples: '/repo/examples', bundledExamples: '/nope', userData })).toBe('/repo/examples');
    expect(readdirSync(userData)).toEqual([]);
  });

  it('packaged: a writable copy of the bundled examples in the user data folder', () => {
    const userData = tempDir();
    const target = defaultWorkspace({ packaged: true, repoExamples: '/repo/examples', bundledExamples: bundled(), userData });
    expect(target).toBe(path.join(userData, 'examples'));
    expect(readFileSync(path.join(target, 'data', 'penguins.json'), 'utf8')).toBe('[]');
    expect(readdirSync(userData)).toEqual(['examples']); // no partial copy left beside it
  });

  it("never overwrites the user's copy on a later start", () => {
    const userData = tempDir();
    const source = bundled();
    const target = defaultWorkspace({ packaged: true, repoExamples: '', bundledExamples: source, userData });
    writeFileSync(path.join(target, 'penguins.yaml'), 'millrace: 1\nname: my edit\n');
    ensureExamplesCopy(source, target);
    expect(readFileSync(path.join(target, 'penguins.yaml'), 'utf8')).toContain('my edit');
  });

  it('says what is wrong when the bundled examples are missing', () => {
    const userData = tempDir();
    expect(() => defaultWorkspace({ packaged: true, repoExamples: '', bundledExamples: path.join(userData, 'missing'), userData })).toThrow(
      /bundled example pipelines are missing/,
    );
    expect(existsSync(path.join(userData, 'examples'))).toBe(false);
  });
});

describe('urlWithFile', () => {
  it('adds ?file= to the engine URL, keeping the token, encoding awkward names', () => {
    const url = new URL(urlWithFile('http://127.0.0.1:5000/?token=abc_-1', 'sub dir/Beak & "Length" (mm).yaml'));
    expect(url.origin).toBe('http://127.0.0.1:5000');
    expect(url.searchParams.get('token')).toBe('abc_-1');
    expect(url.searchParams.get('file')).toBe('sub dir/Beak & "Length" (mm).yaml');
    expect(urlWithFile('http://127.0.0.1:5000/?token=t', undefined)).toBe('http://127.0.0.1:5000/?token=t');
  });
});
