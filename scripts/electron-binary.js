// Where the Electron executable is, if it is anywhere, without `require('electron')`: that call
// downloads the binary when it is missing, which fails (slowly) on an offline machine. Same lookup
// as node_modules/electron/index.js: ELECTRON_OVERRIDE_DIST_PATH first, then the path.txt that
// electron's installer writes once the download succeeded, naming the executable under dist/.
import path from 'node:path';

/** The executable inside an Electron folder, as electron's installer names it per platform. */
export function defaultExecutable(platform) {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/**
 * @param {{ env: Record<string, string | undefined>, root: string, platform?: string,
 *   exists: (file: string) => boolean, readFile: (file: string) => string }} io
 * @returns {{ binary: string } | { reason: string }}
 */
export function findElectronBinary({ env, root, platform = process.platform, exists, readFile }) {
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const named = exists(pathFile) ? readFile(pathFile).trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(override, named || defaultExecutable(platform));
    return exists(binary) ? { binary } : { reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${path.relative(override, binary)} in ${override}` };
  }
  if (!exists(path.join(packageDir, 'package.json'))) return { reason: 'the electron package is not installed' };
  if (!named) return { reason: 'it could not be downloaded: offline?' };
  const binary = path.join(packageDir, 'dist', named);
  return exists(binary) ? { binary } : { reason: `${path.relative(root, binary)} is missing: reinstall electron` };
}
