/** Every keyboard shortcut, in one list: the help overlay shows it, the toolbar tooltips quote it. */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const mod = isMac ? '⌘' : 'Ctrl';

export interface Shortcut {
  keys: string;
  what: string;
  /** A mouse gesture, not keys: shown as words. */
  gesture?: boolean;
}

export interface ShortcutGroup {
  title: string;
  items: Shortcut[];
}

export const SHORTCUTS = {
  open: `${mod}+O`,
  save: `${mod}+S`,
  saveAs: `${mod}+Shift+S`,
  undo: `${mod}+Z`,
  redo: `${mod}+Shift+Z`,
  redoAlt: `${mod}+Y`,
  copy: `${mod}+C`,
  cut: `${mod}+X`,
  paste: `${mod}+V`,
  duplicate: `${mod}+D`,
  selectAll: `${mod}+A`,
  runAll: `${mod}+Enter`,
  runToSelected: 'Shift+Enter',
  cancel: `${mod}+.`,
  layout: 'L',
  fit: 'F',
  yaml: `${mod}+E`,
  dataPanel: `${mod}+J`,
  search: '/',
  help: '?',
} as const;

export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    title: 'File',
    items: [
      { keys: SHORTCUTS.open, what: 'Open a pipeline' },
      { keys: SHORTCUTS.save, what: 'Save' },
      { keys: SHORTCUTS.saveAs, what: 'Save as…' },
    ],
  },
  {
    title: 'Edit',
    items: [
      { keys: `${SHORTCUTS.undo}`, what: 'Undo' },
      { keys: `${SHORTCUTS.redo} or ${SHORTCUTS.redoAlt}`, what: 'Redo' },
      { keys: `${SHORTCUTS.copy} / ${SHORTCUTS.cut} / ${SHORTCUTS.paste}`, what: 'Copy, cut, paste nodes (also between pipelines)' },
      { keys: SHORTCUTS.duplicate, what: 'Duplicate the selected nodes' },
      { keys: 'Delete or Backspace', what: 'Delete the selected nodes and connections' },
      { keys: SHORTCUTS.selectAll, what: 'Select all nodes' },
    ],
  },
  {
    title: 'Canvas',
    items: [
      { keys: 'Drag from the palette', what: 'Add a node where you drop it', gesture: true },
      { keys: 'Double-click or Enter on a palette item', what: 'Add it in the middle of the view', gesture: true },
      { keys: 'Drag output ● → input ●', what: 'Connect two nodes', gesture: true },
      { keys: 'Shift+click', what: 'Add a node to the selection', gesture: true },
      { keys: 'Shift+drag on empty canvas', what: 'Select with a box', gesture: true },
      { keys: 'Drag empty canvas / wheel', what: 'Pan / zoom', gesture: true },
      { keys: SHORTCUTS.layout, what: 'Auto-layout (left to right)' },
      { keys: SHORTCUTS.fit, what: 'Fit the pipeline in view' },
      { keys: SHORTCUTS.search, what: 'Search the palette' },
    ],
  },
  {
    title: 'Run and view',
    items: [
      { keys: SHORTCUTS.runAll, what: 'Run the whole pipeline' },
      { keys: SHORTCUTS.runToSelected, what: 'Run up to the selected node' },
      { keys: SHORTCUTS.cancel, what: 'Cancel the run' },
      { keys: SHORTCUTS.yaml, what: 'Switch between canvas and YAML' },
      { keys: SHORTCUTS.dataPanel, what: 'Show or hide the data panel' },
      { keys: SHORTCUTS.help, what: 'This help' },
      { keys: 'Esc', what: 'Close a dialog' },
    ],
  },
];

/** Typing in a field or an editor: single-key and editing shortcuts belong to it. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('input, textarea, select, .nokey, .monaco-editor')) return true;
  return false;
}
