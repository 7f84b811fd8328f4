import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { savedFile, suggestedFileName, targetFile, withYamlExtension, writeTextFile } from './save-files.js';
import { useTempDir } from './test-support/temp-dir.js';

describe('suggestedFileName', () => {
  it('keeps a good name and its YAML extension', () => {
    expect(suggestedFileName('penguins.yaml')).toBe('penguins.yaml');
    expect(suggestedFileName('weather.millrace.yml')).toBe('weather.millrace.yml');
    expect(suggestedFileName("Beak Length (mm) O'Brien")).toBe("Beak Length (mm) O'Brien.yaml");
  });

  it('replaces path separators and characters Windows forbids, so the name cannot leave the folder', () => {
    expect(suggestedFileName('../../etc/passwd')).toBe('-..-etc-passwd.yaml');
    expect(suggestedFileName('a\\b:c*d?"e"<f>|g')).toBe('a-b-c-d--e--f--g.yaml');
    expect(suggestedFileName('tab\there\nnewline')).toBe('tab-here-newline.yaml');
  });

  it('falls back to "pipeline" for an empty or dots-only name, and caps the length', () => {
    expect(suggestedFileName('')).toBe('pipeline.yaml');
    expect(suggestedFileName(' ... ')).toBe('pipeline.yaml');
    expect(suggestedFileName('x'.repeat(300)).length).toBe(205);
  });
});

describe('targetFile', () => {
  const tempDir = useTempDir();

  it('adds .yaml when the user typed no YAML extension', () => {
    expect(withYamlExtension('/w/p')).toBe('/w/p.yaml');
    expect(withYamlExtension('/w/p.YML')).toBe('/w/p.YML');
    expect(targetFile('/w/new-name', () => false)).toBe('/w/new-name.yaml');
  });

  it('never silently overwrites the file that adding .yaml would name', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'p.yaml'), 'precious');
    expect(() => targetFile(path.join(dir, 'p'))).toThrow(/p\.yaml already exists/);
    // The name the dialog asked about (and confirmed overwriting) is fine.
    expect(targetFile(path.join(dir, 'p.yaml'))).toBe(path.join(dir, 'p.yaml'));
  });
});

describe('writeTextFile', () => {
  const tempDir = useTempDir();

  it('writes the text exactly (UTF-8), replacing an existing file, leaving no temporary file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'Beak Length (mm).yaml');
    writeFileSync(file, 'old');
    const text = 'millrace: 1\nname: "Bëak — 🐧"\n';
    await writeTextFile(file, text);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(readdirSync(dir)).toEqual(['Beak Length (mm).yaml']);
  });

  it('fails with the reason when the folder does not exist, and leaves nothing behind', async () => {
    const dir = tempDir();
    await expect(writeTextFile(path.join(dir, 'missing', 'p.yaml'), 'x')).rejects.toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('savedFile', () => {
  const tempDir = useTempDir();

  it('gives the path relative to the served folder when the file is inside it', () => {
    const root = tempDir();
    expect(savedFile(root, path.join(root, 'sub', 'p.yaml'))).toEqual({ absolutePath: path.join(root, 'sub', 'p.yaml'), relativePath: 'sub/p.yaml' });
  });

  it('only the absolute path when it is outside (or nothing is served)', () => {
    const root = tempDir();
    const outside = path.join(path.dirname(root), 'elsewhere.yaml');
    expect(savedFile(root, outside)).toEqual({ absolutePath: outside });
    expect(savedFile(undefined, outside)).toEqual({ absolutePath: outside });
  });
});
