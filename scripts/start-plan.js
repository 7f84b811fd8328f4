// What `npm start` runs: the desktop app when an Electron binary exists, else `millrace serve` on the
// example pipelines (or the folder given) in the browser, after one line saying why. Pure: start.js
// executes the plan.
import path from 'node:path';

/** `millrace serve` options that take a value (`--port 0`): their value is not a folder to serve. */
const VALUE_OPTIONS = new Set(['--port', '--memory-limit', '--threads']);

/** Splits command-line arguments into options (with their values) and positional arguments. */
export function splitArgs(args) {
  const options = [];
  const positional = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (VALUE_OPTIONS.has(arg) && i + 1 < args.length) options.push(arg, args[++i]);
    else if (arg.startsWith('-')) options.push(arg);
    else positional.push(arg);
  }
  return { options, positional };
}

/**
 * @param {{ args: string[], cwd: string, root: string, electron: { binary: string } | { reason: string },
 *   node: string, exists: (file: string) => boolean, isDirectory: (file: string) => boolean }} input
 */
export function planStart({ args, cwd, root, electron, node, exists, isDirectory }) {
  if ('binary' in electron) {
    if (!exists(path.join(root, 'dist', 'electron', 'main.js'))) {
      return { kind: 'fail', message: 'millrace: the desktop app is not built yet (dist/electron/main.js is missing): run `npm run build` first.' };
    }
    // Electron runs in the app's folder; files to open are named from where the user typed them.
    const files = args.map((arg) => (arg.startsWith('-') ? arg : path.resolve(cwd, arg)));
    return { kind: 'run', command: electron.binary, args: ['.', ...files], cwd: root };
  }

  const { options, positional } = splitArgs(args);
  const given = positional[0];
  let folder = path.join(root, 'examples');
  if (given !== undefined) {
    const target = path.resolve(cwd, given);
    // A pipeline file cannot be opened from here in a browser: serve its folder, where it is listed.
    // A path that does not exist goes to `millrace serve` as it is, which says so.
    folder = exists(target) && !isDirectory(target) ? path.dirname(target) : target;
  }
  const shown = given === undefined ? 'examples' : path.relative(cwd, folder) || '.';
  return {
    kind: 'run',
    notice: `millrace: no Electron binary here (${electron.reason}) — opening the same app in your browser with \`millrace serve ${shown}\` instead.`,
    command: node,
    args: [path.join(root, 'bin', 'millrace.js'), 'serve', folder, ...options],
    cwd,
  };
}
