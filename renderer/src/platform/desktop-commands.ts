/**
 * What each desktop menu command does, as a pure mapping onto a small set of actions, so it can be
 * tested without Electron and so adding a command kind to the contract fails to compile here until
 * it is handled.
 */
import type { DesktopCommand } from '../../../engine/contract/desktop-bridge';

/** The UI actions the application menu reaches (implemented in menu-actions.ts). */
export interface DesktopCommandActions {
  newPipeline(): void;
  openPath(path: string): void;
  save(): void;
  saveAs(): void;
  exportYaml(): void;
  closePipeline(): void;
  undo(): void;
  redo(): void;
  autoLayout(): void;
  runAll(): void;
  runToSelected(): void;
  cancelRun(): void;
  showShortcuts(): void;
}

export function runDesktopCommand(command: DesktopCommand, actions: DesktopCommandActions): void {
  switch (command.kind) {
    case 'new':
      return actions.newPipeline();
    case 'open':
      return actions.openPath(command.path);
    case 'save':
      return actions.save();
    case 'save-as':
      return actions.saveAs();
    case 'export-yaml':
      return actions.exportYaml();
    case 'close':
      return actions.closePipeline();
    case 'undo':
      return actions.undo();
    case 'redo':
      return actions.redo();
    case 'auto-layout':
      return actions.autoLayout();
    case 'run-all':
      return actions.runAll();
    case 'run-to-selected':
      return actions.runToSelected();
    case 'cancel-run':
      return actions.cancelRun();
    case 'show-shortcuts':
      return actions.showShortcuts();
    default: {
      // A kind added to the contract but not here is a compile error; at run time (a newer main
      // process) it is ignored rather than thrown inside the IPC listener.
      const unknown: never = command;
      console.warn('Millrace: ignoring an unknown desktop command', unknown);
    }
  }
}
