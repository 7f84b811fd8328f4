/** Open a URL in the user's browser; a machine without one (a server, CI) is not an error. */
import { spawn } from 'node:child_process';

export function openBrowser(url: string): void {
  const [command, args]: [string, string[]] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined); // no opener installed: the printed URL is enough
    child.unref();
  } catch {
    // spawn itself can throw (bad PATH entries): same as above
  }
}
