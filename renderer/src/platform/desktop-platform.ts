/**
 * The desktop platform: native dialogs, the title and close prompt kept by the main process, links
 * through its allowlist, menu commands from its application menu. All through the preload's bridge.
 */
import type { DesktopBridge, DocumentState } from '../../../engine/contract/desktop-bridge';
import { errorText } from '../app/commands';
import { documentStateOf, sameDocumentState } from './document-title';
import type { Platform, PlatformHost } from './platform';

export function createDesktopPlatform(bridge: DesktopBridge, { store, commands }: PlatformHost): Platform {
  const state = () => store.getState();
  const failed =
    (what: string) =>
    (error: unknown): undefined => {
      state().toast(`${what}: ${errorText(error)}`, 'error');
      return undefined;
    };

  async function saveAs(): Promise<void> {
    const file = await commands.yamlFile();
    if (!file) return;
    const saved = await bridge.savePipelineAs(file.fileName, file.text).catch(failed('Could not save'));
    if (!saved) return;
    if (saved.relativePath !== undefined) await commands.adoptSaved(saved.relativePath, file);
    // Outside the served folder: the main process reopens the workspace on the file's folder.
    else state().toast(`Saved ${saved.absolutePath}`, 'success');
  }

  return {
    kind: 'desktop',
    exportWhat: 'Export as a YAML file…',
    open() {
      // The main process answers with an `open` command, or reopens the window on another folder.
      bridge.openPipelineDialog().catch(failed('Could not open'));
    },
    async save() {
      if (state().path) await commands.save();
      else await saveAs();
    },
    saveAs,
    async exportYaml() {
      const file = await commands.yamlFile();
      if (!file) return;
      const saved = await bridge.exportYaml(file.fileName, file.text).catch(failed('Could not export'));
      if (saved) state().toast(`Exported ${saved.absolutePath}`, 'success');
    },
    externalLink(url) {
      return {
        href: url,
        target: '_blank',
        rel: 'noopener noreferrer',
        onClick(event) {
          // The window opens no pages itself: the main process hands allowed links to the user's browser.
          event.preventDefault();
          bridge.openExternal(url).then(
            (opened) => opened || state().toast(`Millrace does not open ${url}: it is not on its list of sites.`, 'error'),
            failed(`Could not open ${url}`),
          );
        },
      };
    },
    trackDocument() {
      let last: DocumentState | undefined;
      const send = () => {
        const next = documentStateOf(state());
        if (last && sameDocumentState(last, next)) return;
        last = next;
        bridge.setDocumentState(next);
      };
      send();
      return store.subscribe(send);
    },
    onCommand: (listener) => bridge.onCommand(listener),
  };
}
