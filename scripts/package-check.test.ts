/**
 * The packaging check: electron-builder on the real repository build (with a stand-in Electron folder,
 * offline) must give an app.asar that holds the app and nothing the UI bundle already contains; and the
 * inspection must name what a broken package lacks, so a pass means something.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import asar from '@electron/asar';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPackage, iconProblems, inspectPackage, metadataProblems, missingBuildOutputs, readAsarEntries, repoRoot, smokeStartEngine } from './package-check.js';

const temps: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the packaged desktop app (electron-builder --dir, offline)', () => {
  it('holds the entry points, native modules unpacked, worker scripts and examples, and no renderer libraries', { timeout: 240_000 }, () => {
    const missing = missingBuildOutputs();
    if (missing.length > 0) throw new Error(`Build the app first (npm run build, which compiles electron/ too); missing: ${missing.join(', ')}`);

    const result = checkPackage({ keep: true });
    if (result.workDir) temps.push(result.workDir);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);

    // The same facts, read straight from the archive the check produced.
    const resources = path.join(result.appOutDir!, 'resources');
    const entries = readAsarEntries(path.join(resources, 'app.asar'));
    for (const file of ['dist/electron/main.js', 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'dist/engine/server/start-server.js']) {
      expect(entries.get(file)?.unpacked, file).toBe(false);
    }
    expect(entries.get('nodes/ml/worker/millrace_torch_worker.py')?.unpacked).toBe(true);
    expect(entries.get('node_modules/better-sqlite3/build/Release/better_sqlite3.node')?.unpacked).toBe(true);
    const duckdb = [...entries].filter(([file]) => /^node_modules\/@duckdb\/node-bindings-[^/]+\/duckdb\.node$/.test(file));
    expect(duckdb.length).toBeGreaterThan(0);
    expect(duckdb.every(([, entry]) => entry.unpacked)).toBe(true);
    const modules = new Set([...entries.keys()].map((file) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1]).filter(Boolean));
    for (const library of ['react', 'react-dom', 'monaco-editor', '@xyflow/react', 'zustand', 'vite', 'electron', 'typescript']) expect(modules.has(library), library).toBe(false);
    for (const dependency of ['@duckdb/node-api', 'better-sqlite3', 'yaml', 'zod', 'ws']) expect(modules.has(dependency), dependency).toBe(true);
    // Renderer libraries (monaco alone is tens of MB) stay out: the archive is a few MB.
    expect(result.asarBytes).toBeLessThan(30e6);
  });
});

describe('inspectPackage', () => {
  it('names what a broken package lacks and what it should not hold', async () => {
    const source = tempDir('millrace-bad-app-');
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(source, file)), { recursive: true });
      writeFileSync(path.join(source, file), text);
    };
    write('package.json', JSON.stringify({ name: 'millrace', main: 'dist/main.js' }));
    write('dist/renderer/index.html', '<!doctype html>');
    write('node_modules/react/package.json', '{"name":"react"}');
    write('node_modules/@duckdb/node-bindings-linux-x64/duckdb.node', 'not really a library');
    write('engine/engine.ts', 'export {};');
    const appOutDir = tempDir('millrace-bad-out-');
    mkdirSync(path.join(appOutDir, 'resources'));
    // Packed with nothing unpacked: the native module stays inside the archive.
    await asar.createPackage(source, path.join(appOutDir, 'resources', 'app.asar'));

    const { problems } = inspectPackage({ projectDir: repoRoot, appOutDir });
    const expected = [
      'package.json "main" is "dist/main.js", expected "dist/electron/main.js"',
      'dist/electron/main.js is missing from app.asar',
      'dist/electron/preload.cjs is missing from app.asar',
      "runtime dependency zod is missing from app.asar's node_modules",
      "react is in app.asar's node_modules: renderer and build libraries belong in devDependencies",
      'files that do not belong in app.asar: engine',
      'node_modules/@duckdb/node-bindings-linux-x64/duckdb.node is inside app.asar: native code must be unpacked (asarUnpack)',
      'better-sqlite3 (build/Release/better_sqlite3.node) is missing',
      'worker script nodes/ml/worker/millrace_torch_worker.py is not in app.asar.unpacked (Python cannot read inside app.asar)',
      'examples/penguins.yaml is missing from resources/examples',
      'examples/data/penguins.json is missing from resources/examples',
    ];
    for (const problem of expected) expect(problems).toContain(problem);
    expect(problems.some((problem) => problem.startsWith('no "millrace" executable'))).toBe(true);
    expect(problems.some((problem) => problem.includes('dist/renderer/index.html'))).toBe(false);
  });

  it('reports a runtime dependency the packed engine cannot find', async () => {
    const source = tempDir('millrace-smoke-app-');
    mkdirSync(path.join(source, 'dist/engine/server'), { recursive: true });
    writeFileSync(path.join(source, 'package.json'), JSON.stringify({ name: 'millrace', type: 'module' }));
    // As if a dependency were only installed for development: the package's node_modules lacks it.
    writeFileSync(path.join(source, 'dist/engine/server/start-server.js'), "import 'millrace-missing-dependency';\nexport const startServer = () => {};\n");
    const appOutDir = tempDir('millrace-smoke-out-');
    mkdirSync(path.join(appOutDir, 'resources/examples'), { recursive: true });
    await asar.createPackage(source, path.join(appOutDir, 'resources', 'app.asar'));

    const problem = smokeStartEngine({ appOutDir, workDir: tempDir('millrace-smoke-work-') });
    expect(problem).toMatch(/^the packed engine did not start from the package's own files/);
    expect(problem).toContain("Cannot find package 'millrace-missing-dependency'");
  });

  it('accepts the committed icons and rejects an app icon too small for macOS', () => {
    expect(iconProblems()).toEqual([]);
    const project = tempDir('millrace-icons-');
    mkdirSync(path.join(project, 'build', 'icons'), { recursive: true });
    copyFileSync(path.join(repoRoot, 'build/icons/16x16.png'), path.join(project, 'build/icon.png'));
    copyFileSync(path.join(repoRoot, 'build/icons/512x512.png'), path.join(project, 'build/icons/512x512.png'));
    writeFileSync(path.join(project, 'build/icons/256x256.png'), 'not a png');
    expect(iconProblems(project)).toEqual([
      'build/icon.png is 16x16, expected 512x512',
      'build/icons/256x256.png is missing or not a PNG (regenerate: node build/make-icons.mjs)',
    ]);
  });

  it('asks for the homepage the deb installer needs, from package.json or extraMetadata', () => {
    const project = tempDir('millrace-metadata-');
    const write = (packageJson: object, builderYml: string) => {
      writeFileSync(path.join(project, 'package.json'), JSON.stringify(packageJson));
      writeFileSync(path.join(project, 'electron-builder.yml'), builderYml);
    };
    write({ name: 'millrace' }, 'appId: dev.millrace.app\n');
    expect(metadataProblems(project)).toEqual(['package.json has no "homepage": electron-builder\'s deb target refuses to build without one']);
    write({ name: 'millrace', homepage: 'https://example.org/millrace' }, 'appId: dev.millrace.app\n');
    expect(metadataProblems(project)).toEqual([]);
    write({ name: 'millrace' }, 'extraMetadata:\n  homepage: https://example.org/millrace\n');
    expect(metadataProblems(project)).toEqual([]);
  });
});
