/**
 * The actions behind the desktop's application menu, over the store, the commands and the platform.
 * They guard themselves like the toolbar does (nothing to run without a pipeline) and ask before
 * replacing a pipeline with unsaved changes, as the Open dialog does.
 */
import type { Commands } from '../app/commands';
import type { MillraceStore } from '../store/create-store';
import type { DesktopCommandActions } from './desktop-commands';
import type { Platform } from './platform';

export interface MenuActionDeps {
  store: MillraceStore;
  commands: Commands;
  platform: Pick<Platform, 'save' | 'saveAs' | 'exportYaml'>;
  /** The canvas's auto-layout (it measures the cards React Flow drew). */
  autoLayout(): void;
  /** Asks the user a yes/no question (window.confirm in the app). */
  confirm(message: string): boolean;
  /** A text field or editor has the focus: Edit ▸ Undo and Redo belong to its text. */
  editingText(): boolean;
  editText(command: 'undo' | 'redo'): void;
}

export const unsavedQuestion = (then: string): string => `The current pipeline has unsaved changes (they stay in its autosave). ${then}`;

export function createMenuActions(deps: MenuActionDeps): DesktopCommandActions {
  const { store, commands, platform } = deps;
  const state = () => store.getState();
  const mayReplace = (then: string) => !state().open || !state().isDirty() || deps.confirm(unsavedQuestion(then));
  const whenOpen = (action: () => void) => () => {
    if (state().open) action();
  };

  return {
    newPipeline() {
      if (mayReplace('Start a new one?')) commands.newPipeline();
    },
    openPath(path) {
      if (mayReplace('Open another one?')) void commands.openPath(path);
    },
    save: whenOpen(() => void platform.save()),
    saveAs: whenOpen(() => void platform.saveAs()),
    exportYaml: whenOpen(() => void platform.exportYaml()),
    closePipeline: whenOpen(() => {
      if (mayReplace('Close it?')) commands.closePipeline();
    }),
    undo() {
      if (deps.editingText()) deps.editText('undo');
      else if (state().open) state().undo();
    },
    redo() {
      if (deps.editingText()) deps.editText('redo');
      else if (state().open) state().redo();
    },
    autoLayout: whenOpen(() => {
      if (state().document.nodes.length > 0) deps.autoLayout();
    }),
    runAll: whenOpen(() => void commands.run()),
    runToSelected: whenOpen(() => {
      const { selectedNodes } = state();
      const target = selectedNodes.length === 1 ? selectedNodes[0] : undefined;
      if (target) void commands.run(target);
      else state().toast('Select one node to run it and what it needs.');
    }),
    cancelRun: whenOpen(() => void commands.cancelRun()),
    showShortcuts() {
      state().setUi({ helpOpen: true });
    },
  };
}
