/**
 * Attaches the security decisions of security.ts to Electron: every webContents the app creates
 * (the window, and anything else, via app 'web-contents-created') stays on the engine's origin,
 * opens no windows, attaches no <webview>; the session grants no permission.
 */
import { shell, type Session, type WebContents } from 'electron';
import { decideNavigation, decidePermission, decideWindowOpen, isAllowedExternal, isOwnOrigin } from './security.js';

export function openInBrowser(url: string): void {
  // Checked again here: this is the one place that hands URLs to the operating system.
  if (!isAllowedExternal(url)) return;
  shell.openExternal(url).catch((error: unknown) => {
    process.stderr.write(`millrace: could not open ${url}: ${error instanceof Error ? error.message : String(error)}\n`);
  });
}

/** `origin()` is read at each event: the engine's port changes when it restarts on another folder. */
export function hardenContents(contents: WebContents, origin: () => string | undefined): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url).openExternally) openInBrowser(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Any frame (links, forms, location changes): our origin only; allowlisted links go to the browser.
  contents.on('will-frame-navigate', (details) => {
    const decision = decideNavigation(details.url, origin());
    if (decision.action === 'allow') return;
    details.preventDefault();
    if (decision.openExternally && details.isMainFrame) openInBrowser(details.url);
  });
  // Server redirects (the token → cookie exchange redirects within the origin) may not leave it either.
  contents.on('will-redirect', (details) => {
    if (!isOwnOrigin(details.url, origin())) details.preventDefault();
  });
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(decidePermission(permission)));
  session.setPermissionCheckHandler((_contents, permission) => decidePermission(permission));
  session.setDevicePermissionHandler(() => false);
}
