import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipelineFile, pipelineFilesFromArgv } from './open-args.js';
import { useTempDir } from './test-support/temp-dir.js';

describe('pipelineFilesFromArgv', () => {
  const tempDir = useTempDir();

  function workspace() {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'sub dir'));
    for (const name of ['penguins.yaml', 'flights.YML', 'weather.millrace.yaml', 'sub dir/O\'Brien "x".yaml', 'notes.txt']) {
      writeFileSync(path.join(dir, name), 'millrace: 1\n');
    }
    mkdirSync(path.join(dir, 'folder.yaml'));
    return dir;
  }

  it('packaged: every positional argument after the executable is a candidate', () => {
    const cwd = workspace();
    const argv = ['/opt/Millrace/millrace', 'penguins.yaml', 'weather.millrace.yaml'];
    expect(pipelineFilesFromArgv(argv, { cwd, defaultApp: false })).toEqual([path.join(cwd, 'penguins.yaml'), path.join(cwd, 'weather.millrace.yaml')]);
  });

  it('unpackaged (`electron . file`): the app path is skipped', () => {
    const cwd = workspace();
    expect(pipelineFilesFromArgv(['/x/electron', '.', 'penguins.yaml'], { cwd, defaultApp: true })).toEqual([path.join(cwd, 'penguins.yaml')]);
    // Even an app path that looks like a pipeline is the app, not a file.
    expect(pipelineFilesFromArgv(['/x/electron', 'penguins.yaml'], { cwd, defaultApp: true })).toEqual([]);
  });

  it("skips Electron's and Chromium's switches, including ones with values and the macOS -psn_ argument", () => {
    const cwd = workspace();
    const argv = ['/app/millrace', '--allow-file-access-from-files', '--original-process-start-time=13371337', '-psn_0_12345', '--inspect', 'flights.YML'];
    expect(pipelineFilesFromArgv(argv, { cwd, defaultApp: false })).toEqual([path.join(cwd, 'flights.YML')]);
  });

  it('after `--` everything is a file name, even one starting with a dash', () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, '--odd.yaml'), 'millrace: 1\n');
    const argv = ['/app/millrace', '--', '--odd.yaml', 'penguins.yaml'];
    expect(pipelineFilesFromArgv(argv, { cwd, defaultApp: false })).toEqual([path.join(cwd, '--odd.yaml'), path.join(cwd, 'penguins.yaml')]);
    expect(pipelineFilesFromArgv(['/app/millrace', '--odd.yaml'], { cwd, defaultApp: false })).toEqual([]);
  });

  it('resolves relative paths against the given working directory (a second instance has its own)', () => {
    const cwd = workspace();
    const argv = ['/app/millrace', `sub dir/O'Brien "x".yaml`, path.join('..', path.basename(cwd), 'penguins.yaml')];
    expect(pipelineFilesFromArgv(argv, { cwd: path.join(cwd, '.'), defaultApp: false })).toEqual([
      path.join(cwd, 'sub dir', `O'Brien "x".yaml`),
      path.join(cwd, 'penguins.yaml'),
    ]);
  });

  it('accepts absolute paths, keeps the order, drops repeats', () => {
    const cwd = workspace();
    const file = path.join(cwd, 'penguins.yaml');
    expect(pipelineFilesFromArgv(['/app/millrace', file, 'flights.YML', 'penguins.yaml'], { cwd: '/', defaultApp: false })).toEqual([file]);
    expect(pipelineFilesFromArgv(['/app/millrace', file, path.join(cwd, 'flights.YML'), file], { cwd: '/', defaultApp: false })).toEqual([
      file,
      path.join(cwd, 'flights.YML'),
    ]);
  });

  it('only existing .yaml/.yml files: not missing ones, other extensions, or folders named .yaml', () => {
    const cwd = workspace();
    const argv = ['/app/millrace', 'missing.yaml', 'notes.txt', 'folder.yaml', 'penguins.yaml.bak', '', 'penguins.yaml'];
    expect(pipelineFilesFromArgv(argv, { cwd, defaultApp: false })).toEqual([path.join(cwd, 'penguins.yaml')]);
  });
});

describe('pipelineFile', () => {
  it('refuses names with NUL characters without touching the disk', () => {
    let asked = false;
    expect(pipelineFile('a\0.yaml', '/', () => (asked = true))).toBeUndefined();
    expect(asked).toBe(false);
  });
});
