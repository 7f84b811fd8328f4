import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultExecutable, findElectronBinary } from './electron-binary.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary project root with the given files (relative path → text). */
function root(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'millrace electron '));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const find = (dir: string, env: Record<string, string | undefined> = {}, platform = 'linux') =>
  findElectronBinary({ env, root: dir, platform, exists: existsSync, readFile: (file) => readFileSync(file, 'utf8') });

const PACKAGE = { 'node_modules/electron/package.json': '{"name":"electron","version":"45.5.0"}' };

describe('finding the Electron binary without require("electron")', () => {
  it('no electron package: none, and says so', () => {
    expect(find(root())).toEqual({ reason: 'the electron package is not installed' });
  });

  it('the package without path.txt (its download failed): none, offline is the likely reason', () => {
    expect(find(root(PACKAGE))).toEqual({ reason: 'it could not be downloaded: offline?' });
  });

  it('path.txt naming a file that is not under dist/: none', () => {
    const dir = root({ ...PACKAGE, 'node_modules/electron/path.txt': 'electron' });
    expect(find(dir)).toEqual({ reason: `${path.join('node_modules', 'electron', 'dist', 'electron')} is missing: reinstall electron` });
  });

  it('path.txt naming an existing file: that file', () => {
    const dir = root({ ...PACKAGE, 'node_modules/electron/path.txt': 'Electron.app/Contents/MacOS/Electron', 'node_modules/electron/dist/Electron.app/Contents/MacOS/Electron': '' });
    expect(find(dir, {}, 'darwin')).toEqual({ binary: path.join(dir, 'node_modules/electron/dist/Electron.app/Contents/MacOS/Electron') });
  });

  it('ELECTRON_OVERRIDE_DIST_PATH with the executable wins, even without the package', () => {
    const dist = root({ electron: '' });
    expect(find(root(), { ELECTRON_OVERRIDE_DIST_PATH: dist })).toEqual({ binary: path.join(dist, 'electron') });
  });

  it('the override uses the executable name path.txt gives, else the platform default', () => {
    const dist = root({ 'electron.exe': '' });
    expect(find(root(), { ELECTRON_OVERRIDE_DIST_PATH: dist }, 'win32')).toEqual({ binary: path.join(dist, 'electron.exe') });
    const named = root({ ...PACKAGE, 'node_modules/electron/path.txt': 'custom-electron\n' });
    const custom = root({ 'custom-electron': '' });
    expect(find(named, { ELECTRON_OVERRIDE_DIST_PATH: custom })).toEqual({ binary: path.join(custom, 'custom-electron') });
  });

  it('an override folder without the executable is not an Electron, even if the package has one', () => {
    const dir = root({ ...PACKAGE, 'node_modules/electron/path.txt': 'electron', 'node_modules/electron/dist/electron': '' });
    const empty = root();
    expect(find(dir, { ELECTRON_OVERRIDE_DIST_PATH: empty })).toEqual({ reason: `ELECTRON_OVERRIDE_DIST_PATH has no electron in ${empty}` });
  });

  it('names the executable per platform as the installer does', () => {
    expect(defaultExecutable('linux')).toBe('electron');
    expect(defaultExecutable('win32')).toBe('electron.exe');
    expect(defaultExecutable('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
  });
});
