import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_RECENT, RecentFiles, withRecent } from './recent-files.js';
import { useTempDir } from './test-support/temp-dir.js';

describe('withRecent', () => {
  it('puts the file first and removes its earlier mention', () => {
    expect(withRecent(['/a.yaml', '/b.yaml', '/c.yaml'], '/b.yaml', 'linux')).toEqual(['/b.yaml', '/a.yaml', '/c.yaml']);
  });

  it('caps the list at ten', () => {
    const many = Array.from({ length: 12 }, (_, i) => `/p${i}.yaml`);
    const list = withRecent(many, '/new.yaml', 'linux');
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toBe('/new.yaml');
    expect(list.at(-1)).toBe('/p8.yaml');
  });

  it('treats paths differing only in case as one file on Windows and macOS, two on Linux', () => {
    expect(withRecent(['C:\\Work\\A.yaml'], 'c:\\work\\a.yaml', 'win32')).toEqual(['c:\\work\\a.yaml']);
    expect(withRecent(['/Work/A.yaml'], '/work/a.yaml', 'darwin')).toEqual(['/work/a.yaml']);
    expect(withRecent(['/Work/A.yaml'], '/work/a.yaml', 'linux')).toEqual(['/work/a.yaml', '/Work/A.yaml']);
  });
});

describe('RecentFiles', () => {
  const tempDir = useTempDir();

  function pipelines(dir: string, ...names: string[]): string[] {
    return names.map((name) => {
      const file = path.join(dir, name);
      writeFileSync(file, 'millrace: 1\nname: x\nnodes: []\n');
      return file;
    });
  }

  it('lists most recent first, without duplicates, and persists the list', () => {
    const dir = tempDir();
    const store = path.join(dir, 'profile', 'recent-files.json');
    const [a, b] = pipelines(dir, 'a.yaml', 'b b (copy).millrace.yaml') as [string, string];
    const recent = new RecentFiles(store);
    recent.add(a);
    recent.add(b);
    recent.add(a);
    expect(recent.list()).toEqual([a, b]);
    expect(new RecentFiles(store).list()).toEqual([a, b]);
  });

  it('drops files that no longer exist', () => {
    const dir = tempDir();
    const [a, b] = pipelines(dir, 'a.yaml', 'b.yaml') as [string, string];
    const recent = new RecentFiles(path.join(dir, 'recent.json'));
    recent.add(a);
    recent.add(b);
    let gone = false;
    const withGone = new RecentFiles(path.join(dir, 'recent.json'), (file) => existsSync(file) && !(gone && file === b));
    gone = true;
    expect(withGone.list()).toEqual([a]);
  });

  it('clear empties the list on disk too', () => {
    const dir = tempDir();
    const store = path.join(dir, 'recent.json');
    const [a] = pipelines(dir, 'a.yaml') as [string];
    const recent = new RecentFiles(store);
    recent.add(a);
    recent.clear();
    expect(recent.list()).toEqual([]);
    expect(JSON.parse(readFileSync(store, 'utf8'))).toEqual([]);
  });

  it('starts empty from a corrupt or foreign file instead of failing', () => {
    const dir = tempDir();
    const store = path.join(dir, 'recent.json');
    for (const text of ['{not json', '{"files": []}', '[1, 2]', '["relative/path.yaml"]']) {
      writeFileSync(store, text);
      expect(new RecentFiles(store).list(), text).toEqual([]);
    }
  });

  it('refuses relative paths (it would not know what they are relative to)', () => {
    const recent = new RecentFiles(path.join(tempDir(), 'recent.json'));
    expect(() => recent.add('examples/penguins.yaml')).toThrow(/absolute/);
  });
});
