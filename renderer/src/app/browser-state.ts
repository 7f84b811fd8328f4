/** What the browser remembers between visits: the last opened pipeline, and the `?file=` in the address bar. */
const LAST_PATH_KEY = 'millrace.lastPath';

export function startupPath(): string | undefined {
  const fromUrl = new URLSearchParams(location.search).get('file');
  if (fromUrl) return fromUrl;
  try {
    return localStorage.getItem(LAST_PATH_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberPath(path: string | undefined): void {
  try {
    if (path) localStorage.setItem(LAST_PATH_KEY, path);
    else localStorage.removeItem(LAST_PATH_KEY);
  } catch {
    // Private mode or storage disabled: remembering is a convenience only.
  }
  const url = new URL(location.href);
  // The token only bootstraps the session cookie; keep it out of the address bar once used.
  url.searchParams.delete('token');
  if (path) url.searchParams.set('file', path);
  else url.searchParams.delete('file');
  history.replaceState(null, '', url);
}

export function forgetPath(): void {
  rememberPath(undefined);
}

/** Offers `text` as a file download. */
export function download(fileName: string, text: string, type = 'application/yaml'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
