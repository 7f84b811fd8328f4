import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planStart, splitArgs } from './start-plan.js';

const root = path.resolve('/opt/millrace');
const cwd = path.resolve('/home/ann/work');
const node = '/usr/bin/node';
const NO_ELECTRON = { reason: 'it could not be downloaded: offline?' };

/** A file system of the given files and folders (absolute paths). */
function disk(files: string[], folders: string[] = []) {
  return { exists: (p: string) => files.includes(p) || folders.includes(p), isDirectory: (p: string) => folders.includes(p) };
}

describe('npm start without an Electron binary', () => {
  it('serves the examples in the browser after one line saying why', () => {
    const plan = planStart({ args: ['--no-open', '--port', '0'], cwd, root, electron: NO_ELECTRON, node, ...disk([]) });
    expect(plan).toEqual({
      kind: 'run',
      notice: 'millrace: no Electron binary here (it could not be downloaded: offline?) — opening the same app in your browser with `millrace serve examples` instead.',
      command: node,
      args: [path.join(root, 'bin/millrace.js'), 'serve', path.join(root, 'examples'), '--no-open', '--port', '0'],
      cwd,
    });
    expect(plan.kind === 'run' && plan.notice?.split('\n')).toHaveLength(1);
  });

  it('a folder given is served instead of the examples; a pipeline file given serves its folder', () => {
    const folder = path.join(cwd, 'My Pipelines (v2)');
    const file = path.join(folder, "O'Brien.yaml");
    const fs = disk([file], [folder]);
    const byFolder = planStart({ args: ['My Pipelines (v2)', '--threads', '2'], cwd, root, electron: NO_ELECTRON, node, ...fs });
    expect(byFolder.kind === 'run' && byFolder.args.slice(1)).toEqual(['serve', folder, '--threads', '2']);
    expect(byFolder.kind === 'run' && byFolder.notice).toContain('`millrace serve My Pipelines (v2)`');
    const byFile = planStart({ args: [file], cwd, root, electron: NO_ELECTRON, node, ...fs });
    expect(byFile.kind === 'run' && byFile.args.slice(1)).toEqual(['serve', folder]);
  });

  it('a path that does not exist goes to millrace serve unchanged, which reports it', () => {
    const plan = planStart({ args: ['nowhere'], cwd, root, electron: NO_ELECTRON, node, ...disk([]) });
    expect(plan.kind === 'run' && plan.args[2]).toBe(path.join(cwd, 'nowhere'));
  });
});

describe('npm start with an Electron binary', () => {
  const electron = { binary: path.join(root, 'node_modules/electron/dist/electron') };
  const built = path.join(root, 'dist/electron/main.js');

  it('runs the app folder with Electron, files to open named from where the user is', () => {
    const plan = planStart({ args: ['penguins.yaml', '--enable-logging', '/tmp/a b.yaml'], cwd, root, electron, node, ...disk([built]) });
    expect(plan).toEqual({ kind: 'run', command: electron.binary, args: ['.', path.join(cwd, 'penguins.yaml'), '--enable-logging', path.resolve('/tmp/a b.yaml')], cwd: root });
  });

  it('says to build first when the main process is not built', () => {
    expect(planStart({ args: [], cwd, root, electron, node, ...disk([]) })).toEqual({
      kind: 'fail',
      message: 'millrace: the desktop app is not built yet (dist/electron/main.js is missing): run `npm run build` first.',
    });
  });
});

describe('argument splitting', () => {
  it('keeps option values with their option and everything after -- as positional', () => {
    expect(splitArgs(['--port', '5180', 'dir', '--no-open', '--memory-limit', '4GB', '--port=1', '--', '--odd name'])).toEqual({
      options: ['--port', '5180', '--no-open', '--memory-limit', '4GB', '--port=1'],
      positional: ['dir', '--odd name'],
    });
  });
});
