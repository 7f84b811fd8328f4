/**
 * The main-process side of the desktop bridge: one `ipcMain.handle` handler per channel of
 * DESKTOP_CHANNELS. Each first checks who is asking (the main frame of our window, showing a page
 * of the engine server's origin) and then the arguments (zod, lengths capped), and only then calls
 * the action. Anything else is refused with an error that says why.
 */
import { z } from 'zod';
import { DESKTOP_CHANNELS, type DesktopBridge } from '../engine/contract/desktop-bridge.js';

/** What the UI may ask of the main process: the bridge's functions, minus what the preload does itself. */
export type DesktopActions = Omit<DesktopBridge, 'platform' | 'onCommand'>;
export type ActionName = keyof DesktopActions;

/** The channels that carry requests (the `command` channel goes the other way). */
type RequestChannel = Exclude<keyof typeof DESKTOP_CHANNELS, 'command'>;
// Compile-time: every request channel has an action and every action a channel.
const sameKeys: [RequestChannel, ActionName] extends [ActionName, RequestChannel] ? true : never = true;
void sameKeys;

/** The parts of Electron's IpcMainInvokeEvent the checks read (the real event has them). */
export interface InvokeEventLike {
  readonly sender: unknown;
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/** Who may call: the webContents of our window and the engine server origin it shows (both change on restart). */
export interface TrustedSender {
  webContents(): unknown;
  origin(): string | undefined;
}

export const MAX_FILE_NAME = 255;
export const MAX_YAML_CHARS = 20_000_000;
export const MAX_PATH_CHARS = 4096;
export const MAX_URL_CHARS = 2048;

const noNul = (s: string) => !s.includes('\0');
const fileName = z.string().min(1).max(MAX_FILE_NAME).refine(noNul, 'must not contain NUL characters');
const yamlText = z.string().max(MAX_YAML_CHARS);

export const documentStateSchema = z.strictObject({
  path: z.string().min(1).max(MAX_PATH_CHARS).refine(noNul, 'must not contain NUL characters').optional(),
  name: z.string().max(500),
  dirty: z.boolean(),
});

/** The arguments each channel takes, as a tuple (extra arguments are errors too). */
export const ARGUMENT_SCHEMAS = {
  openPipelineDialog: z.tuple([]),
  savePipelineAs: z.tuple([fileName, yamlText]),
  exportYaml: z.tuple([fileName, yamlText]),
  setDocumentState: z.tuple([documentStateSchema]),
  openExternal: z.tuple([z.string().min(1).max(MAX_URL_CHARS)]),
} satisfies Record<ActionName, z.ZodType>;

/** Why the sender may not call, or undefined when it may. */
export function senderRefusal(event: InvokeEventLike, trusted: TrustedSender): string | undefined {
  const contents = trusted.webContents();
  if (contents === undefined || event.sender !== contents) return 'it did not come from the Millrace window';
  const frame = event.senderFrame;
  if (frame === null) return 'the frame that sent it is gone';
  if (frame.parent !== null) return 'it came from a sub-frame, not the window itself';
  const origin = trusted.origin();
  let frameOrigin: string;
  try {
    frameOrigin = new URL(frame.url).origin;
  } catch {
    return `the page "${frame.url}" has no origin`;
  }
  if (origin === undefined || frameOrigin !== origin) return `the page is on ${frameOrigin}, not on the engine (${origin ?? 'not running'})`;
  return undefined;
}

export type IpcHandler = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

export function createIpcHandlers(trusted: TrustedSender, actions: DesktopActions): Record<string, IpcHandler> {
  const handler =
    <K extends ActionName>(name: K, call: (args: z.infer<(typeof ARGUMENT_SCHEMAS)[K]>) => unknown): IpcHandler =>
    async (event, ...args) => {
      const channel = DESKTOP_CHANNELS[name];
      const refusal = senderRefusal(event, trusted);
      if (refusal !== undefined) throw new Error(`Refused ${channel}: ${refusal}.`);
      const parsed = ARGUMENT_SCHEMAS[name].safeParse(args);
      if (!parsed.success) throw new Error(`Refused ${channel}: bad arguments: ${z.prettifyError(parsed.error)}`);
      return call(parsed.data as z.infer<(typeof ARGUMENT_SCHEMAS)[K]>);
    };

  return {
    [DESKTOP_CHANNELS.openPipelineDialog]: handler('openPipelineDialog', () => actions.openPipelineDialog()),
    [DESKTOP_CHANNELS.savePipelineAs]: handler('savePipelineAs', ([name, text]) => actions.savePipelineAs(name, text)),
    [DESKTOP_CHANNELS.exportYaml]: handler('exportYaml', ([name, text]) => actions.exportYaml(name, text)),
    [DESKTOP_CHANNELS.setDocumentState]: handler('setDocumentState', ([state]) => actions.setDocumentState(state)),
    [DESKTOP_CHANNELS.openExternal]: handler('openExternal', ([url]) => actions.openExternal(url)),
  };
}

/** What is needed of ipcMain. */
export interface IpcMainLike {
  handle(channel: string, listener: IpcHandler): void;
  removeHandler(channel: string): void;
}

/** Registers the handlers; returns a function that removes them. */
export function registerIpcHandlers(ipc: IpcMainLike, handlers: Record<string, IpcHandler>): () => void {
  for (const [channel, listener] of Object.entries(handlers)) ipc.handle(channel, listener);
  return () => {
    for (const channel of Object.keys(handlers)) ipc.removeHandler(channel);
  };
}
