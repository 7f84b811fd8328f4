import { describe, expect, it } from 'vitest';
import { decideNavigation, decidePermission, decideWindowOpen, EXTERNAL_LINK_HOSTS, HELP_LINKS, isAllowedExternal, isOwnOrigin, originOf } from './security.js';

const ORIGIN = 'http://127.0.0.1:51234';

describe('isAllowedExternal', () => {
  it('allows https links to allowlisted hosts and their subdomains', () => {
    expect(isAllowedExternal('https://github.com/duckdb/duckdb')).toBe(true);
    expect(isAllowedExternal('https://duckdb.org/docs/stable/sql/introduction')).toBe(true);
    expect(isAllowedExternal('https://docs.python.org/3/')).toBe(true);
    expect(isAllowedExternal('https://PyTorch.org/get-started/locally/')).toBe(true);
  });

  it('refuses http, file, javascript, data and custom schemes, even to allowlisted hosts', () => {
    for (const url of ['http://github.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'ms-msdt:/id', 'smb://github.com/share']) {
      expect(isAllowedExternal(url), url).toBe(false);
    }
  });

  it('refuses look-alike hosts', () => {
    for (const url of ['https://github.com.evil.example/', 'https://evilgithub.com/', 'https://github.co/', 'https://duckdb.org.attacker.net/x']) {
      expect(isAllowedExternal(url), url).toBe(false);
    }
  });

  it('refuses credentials in the link, explicit ports, garbage and absurdly long links', () => {
    expect(isAllowedExternal('https://github.com@evil.example/')).toBe(false);
    expect(isAllowedExternal('https://user:pass@github.com/')).toBe(false);
    expect(isAllowedExternal('https://github.com:8443/')).toBe(false);
    expect(isAllowedExternal('not a url')).toBe(false);
    expect(isAllowedExternal('')).toBe(false);
    expect(isAllowedExternal(`https://github.com/${'a'.repeat(3000)}`)).toBe(false);
  });

  it('every Help menu link passes the allowlist', () => {
    for (const { url } of HELP_LINKS) expect(isAllowedExternal(url), url).toBe(true);
    expect(EXTERNAL_LINK_HOSTS).toContain('github.com');
  });
});

describe('isOwnOrigin / originOf', () => {
  it('matches scheme, host and port exactly', () => {
    expect(isOwnOrigin(`${ORIGIN}/?file=penguins.yaml`, ORIGIN)).toBe(true);
    expect(isOwnOrigin('http://127.0.0.1:51235/', ORIGIN)).toBe(false);
    expect(isOwnOrigin('http://localhost:51234/', ORIGIN)).toBe(false);
    expect(isOwnOrigin('https://127.0.0.1:51234/', ORIGIN)).toBe(false);
    expect(isOwnOrigin('http://127.0.0.1:51234@evil.example/', ORIGIN)).toBe(false);
  });

  it('nothing is our origin while the engine is not running', () => {
    expect(isOwnOrigin(`${ORIGIN}/`, undefined)).toBe(false);
  });

  it('has no origin for opaque URLs', () => {
    expect(originOf('data:text/html,hi')).toBeUndefined();
    expect(originOf('about:blank')).toBeUndefined();
    expect(originOf('::')).toBeUndefined();
  });
});

describe('decisions', () => {
  it('navigation: allowed within our origin, stopped elsewhere (allowlisted links go to the browser)', () => {
    expect(decideNavigation(`${ORIGIN}/?file=a.yaml`, ORIGIN)).toEqual({ action: 'allow' });
    expect(decideNavigation('https://github.com/', ORIGIN)).toEqual({ action: 'deny', openExternally: true });
    expect(decideNavigation('https://evil.example/', ORIGIN)).toEqual({ action: 'deny', openExternally: false });
    expect(decideNavigation('file:///home/me/.ssh/id_rsa', ORIGIN)).toEqual({ action: 'deny', openExternally: false });
  });

  it('window.open: never a new window, even to our own origin', () => {
    expect(decideWindowOpen(`${ORIGIN}/`)).toEqual({ action: 'deny', openExternally: false });
    expect(decideWindowOpen('https://duckdb.org/docs/')).toEqual({ action: 'deny', openExternally: true });
  });

  it('permissions: none granted', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      expect(decidePermission(permission), permission).toBe(false);
    }
  });
});
