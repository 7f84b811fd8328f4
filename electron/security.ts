/**
 * The window's security decisions, as pure functions (main attaches them to Electron's events):
 * the window stays on the engine server's origin, opens no other windows, gets no permissions, and
 * links leave for the user's browser only when they are https to a host on the allowlist.
 */

/** Hosts (and their subdomains) whose https links may open in the user's browser. */
export const EXTERNAL_LINK_HOSTS: readonly string[] = ['github.com', 'duckdb.org', 'pytorch.org', 'python.org', 'electronjs.org'];

/** Help menu links: each must pass isAllowedExternal (a test checks). */
export const HELP_LINKS: readonly { label: string; url: string }[] = [
  { label: 'DuckDB SQL Reference', url: 'https://duckdb.org/docs/stable/sql/introduction' },
  { label: 'Installing PyTorch', url: 'https://pytorch.org/get-started/locally/' },
];

const MAX_URL_LENGTH = 2048;

function parse(url: string): URL | undefined {
  if (url.length > MAX_URL_LENGTH) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** An https link to an allowlisted host (or a subdomain of one), without credentials or an odd port. */
export function isAllowedExternal(url: string, hosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  const parsed = parse(url);
  if (parsed === undefined || parsed.protocol !== 'https:') return false;
  // user:pass@ in a link is a classic way to disguise where it goes.
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.port !== '') return false;
  const host = parsed.hostname.toLowerCase();
  return hosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

/** The engine server's origin for a URL it printed: `http://127.0.0.1:PORT`. */
export function originOf(url: string): string | undefined {
  const parsed = parse(url);
  return parsed === undefined || parsed.origin === 'null' ? undefined : parsed.origin;
}

/** `url` is on `origin` exactly (scheme, host and port). */
export function isOwnOrigin(url: string, origin: string | undefined): boolean {
  return origin !== undefined && originOf(url) === origin;
}

export type NavigationDecision = { action: 'allow' } | { action: 'deny'; openExternally: boolean };

/**
 * A navigation of the window (a link, a form, location.href): to our origin it goes ahead;
 * anything else is stopped, and an allowlisted link opens in the user's browser instead.
 */
export function decideNavigation(url: string, origin: string | undefined): NavigationDecision {
  if (isOwnOrigin(url, origin)) return { action: 'allow' };
  return { action: 'deny', openExternally: isAllowedExternal(url) };
}

/** window.open and target=_blank: never a new Electron window; an allowlisted link opens in the browser. */
export function decideWindowOpen(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isAllowedExternal(url) };
}

/** Permission requests and checks (camera, notifications, geolocation…): the UI needs none. */
export function decidePermission(_permission: string): boolean {
  return false;
}
