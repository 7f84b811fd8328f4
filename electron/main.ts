/**
 * The Electron main process: app lifecycle, single instance, files from the command line and the
 * OS, the menu, and the wiring of the pieces in this folder.
 *
 * Why the window loads the UI from the local engine server (http://127.0.0.1:PORT/?token=…)
 * rather than from a custom protocol: the UI, its strict CSP header, the token → HttpOnly cookie
 * exchange and the Host/Origin checks are then the very code `millrace serve` runs in the browser,
 * covered by the server's security tests. A custom protocol would need a second way of serving the
 * UI and the API (and of securing them) that only the desktop app uses. The server listens on
 * 127.0.0.1 only and wants the per-launch token; the window may show nothing but that origin
 * (harden-contents.ts), and IPC is accepted only from it (ipc-handlers.ts).
 *
 * CSP: every page of that origin carries the server's strict Content-Security-Policy header
 * (engine/server/security-headers.ts), and the window cannot navigate anywhere else, so no second,
 * session-level header is added here: two policies would only have to be kept in step.
 */
import { app, ipcMain, Menu, session, utilityProcess } from 'electron';
import path from 'node:path';
import { z } from 'zod';
import { appPaths } from './app-paths.js';
import { DesktopSession } from './desktop-session.js';
import { APP_NAME } from './document-title.js';
import { EngineLauncher, type EngineProcess } from './engine-launcher.js';
import { hardenContents, hardenSession, openInBrowser } from './harden-contents.js';
import { createIpcHandlers, registerIpcHandlers } from './ipc-handlers.js';
import { menuTemplate } from './menu-template.js';
import { pipelineFilesFromArgv } from './open-args.js';
import { RECENT_FILES_FILE, RecentFiles } from './recent-files.js';
import { WINDOW_STATE_FILE } from './window-state.js';
import { defaultWorkspace } from './workspace.js';

const paths = appPaths(import.meta.url);
const dev = !app.isPackaged;
const filesIn = (argv: readonly string[], cwd: string) => pipelineFilesFromArgv(argv, { cwd, defaultApp: process.defaultApp === true });

/** What a second launch hands over: the files it was asked to open, already resolved against its cwd. */
const handoverSchema = z.object({ files: z.array(z.string().max(4096)).max(100) });

app.setName(APP_NAME);

// One app, one engine per folder: a second launch hands its files to the first and quits.
if (!app.requestSingleInstanceLock({ files: filesIn(process.argv, process.cwd()) })) {
  app.quit();
} else {
  run();
}

function run(): void {
  let desktop: DesktopSession | undefined;
  // Files the OS asks to open before the app is ready (macOS sends open-file early) wait here.
  const early: string[] = filesIn(process.argv, process.cwd());
  let quitting = false;
  let engineStopped = false;

  const openFile = (file: string) => {
    if (desktop === undefined) early.push(file);
    else void desktop.openFile(file);
  };

  // macOS: a file double-clicked in the Finder or dropped on the Dock icon.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openFile(file);
  });

  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    const handed = handoverSchema.safeParse(additionalData);
    const files = handed.success ? handed.data.files : filesIn(argv, workingDirectory);
    desktop?.focus();
    // One window shows one pipeline: the first file named.
    const file = files[0];
    if (file !== undefined) openFile(file);
    else if (desktop !== undefined && !desktop.hasWindow) void desktop.openDefault();
  });

  // Every webContents, not only the window's: no navigation away, no popups, no <webview>.
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, () => desktop?.origin()));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || quitting) app.quit();
  });

  app.on('activate', () => {
    if (desktop !== undefined && !desktop.hasWindow) void desktop.openDefault();
  });

  app.on('before-quit', () => {
    quitting = true;
  });

  // Let the engine close DuckDB and cancel runs before the app exits.
  app.on('will-quit', (event) => {
    if (engineStopped || desktop === undefined) return;
    event.preventDefault();
    void desktop.stop().finally(() => {
      engineStopped = true;
      app.quit();
    });
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    const userData = app.getPath('userData');
    const recent = new RecentFiles(path.join(userData, RECENT_FILES_FILE));

    const launcher = new EngineLauncher({
      fork: forkEngineHost,
      onCrash: ({ root, code }) => {
        if (!quitting) void desktop?.engineCrashed(root, code);
      },
    });

    const rebuildMenu = () => {
      const template = menuTemplate(
        { platform: process.platform, dev, recentFiles: recent.list(), appName: APP_NAME },
        {
          send: (command) => desktop?.send(command),
          openDialog: () => void desktop?.actions.openPipelineDialog(),
          openRecent: (file) => openFile(file),
          clearRecent: () => {
            recent.clear();
            if (process.platform === 'darwin' || process.platform === 'win32') app.clearRecentDocuments();
            rebuildMenu();
          },
          openLink: openInBrowser,
        },
      );
      Menu.setApplicationMenu(Menu.buildFromTemplate(template));
    };

    const created = new DesktopSession({
      launcher,
      recent,
      preload: paths.preload,
      dev,
      windowStateFile: path.join(userData, WINDOW_STATE_FILE),
      defaultRoot: () =>
        defaultWorkspace({
          packaged: app.isPackaged,
          repoExamples: paths.repoExamples,
          bundledExamples: path.join(process.resourcesPath, 'examples'),
          userData,
        }),
      onRecentChanged: rebuildMenu,
      onCloseCancelled: () => {
        quitting = false;
      },
    });
    desktop = created;
    registerIpcHandlers(ipcMain, createIpcHandlers({ webContents: () => created.webContents(), origin: () => created.origin() }, created.actions));
    rebuildMenu();

    // One window shows one pipeline: the first file named (the others are in no worse place than before).
    const first = early.splice(0)[0];
    void (first === undefined ? created.openDefault() : created.openFile(first));
  });
}

/** The engine host as an Electron utility process, behind the launcher's small interface. */
function forkEngineHost(): EngineProcess {
  const child = utilityProcess.fork(paths.engineHost, [], { serviceName: 'Millrace engine', stdio: 'inherit' });
  return {
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', listener),
    postMessage: (message) => child.postMessage(message),
    kill: () => void child.kill(),
  };
}
