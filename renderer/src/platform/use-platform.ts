/** Connects the platform to the window once: the title and close prompt follow the pipeline, menu commands act. */
import { useEffect } from 'react';
import { useApp } from '../app/app-context';
import { isTypingTarget } from '../app/shortcuts';
import { useCanvasActions } from '../canvas/use-canvas-actions';
import { runDesktopCommand } from './desktop-commands';
import { createMenuActions } from './menu-actions';

export function usePlatform(): void {
  const { platform, store, commands } = useApp();
  const { autoLayout } = useCanvasActions();

  useEffect(() => platform.trackDocument(), [platform]);

  useEffect(() => {
    const actions = createMenuActions({
      store,
      commands,
      platform,
      autoLayout,
      confirm: (message) => window.confirm(message),
      editingText: () => isTypingTarget(document.activeElement),
      // The menu's Undo while typing undoes the typing, as it would in any other app.
      editText: (command) => void document.execCommand(command),
    });
    return platform.onCommand((command) => runDesktopCommand(command, actions));
  }, [platform, store, commands, autoLayout]);
}
