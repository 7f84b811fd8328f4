/** The window's keyboard shortcuts (the list lives in shortcuts.ts). Delete and selection keys are React Flow's. */
import { useEffect } from 'react';
import { useCanvasActions } from '../canvas/use-canvas-actions';
import { useApp } from './app-context';
import { isTypingTarget } from './shortcuts';

export function useShortcuts(): void {
  const { store, commands, platform } = useApp();
  const canvas = useCanvasActions();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const state = store.getState();
      const primary = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const typing = isTypingTarget(event.target);
      const hasDialog = state.dialog !== null || state.helpOpen;
      const act = (fn: () => void) => {
        event.preventDefault();
        fn();
      };

      // These work everywhere, even while typing in a field.
      if (primary && key === 's') return act(() => void (event.shiftKey || !state.open ? platform.saveAs() : platform.save()));
      if (primary && key === 'o') return act(() => platform.open());
      if (hasDialog || !state.open) return;
      if (primary && key === 'enter') return act(() => void commands.run());
      if (primary && key === '.') return act(() => void commands.cancelRun());
      if (primary && key === 'e') return act(() => state.setUi({ centre: state.centre === 'canvas' ? 'yaml' : 'canvas' }));
      if (primary && key === 'j') return act(() => state.setUi({ dataPanelOpen: !state.dataPanelOpen }));
      if (typing) return;

      if (primary && key === 'z') return act(() => (event.shiftKey ? state.redo() : state.undo()));
      if (primary && key === 'y') return act(() => state.redo());
      if (event.shiftKey && key === 'enter') {
        const target = state.selectedNodes.length === 1 ? state.selectedNodes[0] : undefined;
        return act(() => (target ? void commands.run(target) : state.toast('Select one node to run it and what it needs.')));
      }
      if (state.centre !== 'canvas') return;
      if (primary && key === 'a') return act(canvas.selectAll);
      if (primary && key === 'd') return act(canvas.duplicate);
      if (primary || event.altKey) return;
      if (event.key === '?') return act(() => state.setUi({ helpOpen: true }));
      if (key === 'f') return act(canvas.fitView);
      if (key === 'l') return act(canvas.autoLayout);
      if (event.key === '/') return act(() => window.dispatchEvent(new Event('millrace:focus-palette')));
      if (event.key === 'Escape' && (state.selectedNodes.length || state.selectedEdges.length)) return act(() => state.select([]));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, commands, platform, canvas]);
}
