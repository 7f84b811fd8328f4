/**
 * The browser platform (`millrace serve`): the app's own dialogs over the served folder, downloads,
 * links in a new tab, the tab title, and the browser's own "leave site?" prompt for unsaved changes.
 */
import { documentStateOf, documentTitle } from './document-title';
import type { Platform, PlatformHost } from './platform';

export function createBrowserPlatform({ store, commands }: PlatformHost): Platform {
  const state = () => store.getState();
  return {
    kind: 'browser',
    exportWhat: 'Export (download) as YAML',
    open() {
      state().setUi({ dialog: { kind: 'open' } });
    },
    save: () => commands.save(),
    async saveAs() {
      state().setUi({ dialog: { kind: 'save-as' } });
    },
    exportYaml: () => commands.exportYaml(),
    externalLink: (url) => ({ href: url, target: '_blank', rel: 'noopener noreferrer' }),
    trackDocument() {
      const showTitle = () => {
        const title = documentTitle(documentStateOf(state()));
        if (document.title !== title) document.title = title;
      };
      // Unsaved edits are autosaved, but the file is not written: leaving asks first.
      const onBeforeUnload = (event: BeforeUnloadEvent) => {
        if (!state().open || !state().isDirty()) return;
        event.preventDefault();
        // Older browsers show the prompt only when returnValue is set.
        event.returnValue = '';
      };
      showTitle();
      const unsubscribe = store.subscribe(showTitle);
      window.addEventListener('beforeunload', onBeforeUnload);
      return () => {
        unsubscribe();
        window.removeEventListener('beforeunload', onBeforeUnload);
      };
    },
    onCommand: () => () => undefined,
  };
}
