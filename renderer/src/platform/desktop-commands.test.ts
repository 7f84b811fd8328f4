import { describe, expect, it } from 'vitest';
import type { DesktopCommand } from '../../../engine/contract/desktop-bridge';
import { runDesktopCommand, type DesktopCommandActions } from './desktop-commands';

type Call = [keyof DesktopCommandActions, ...unknown[]];

/** Every action records its name and arguments (the interface forces every action to be here). */
function recorder(): { actions: DesktopCommandActions; calls: Call[] } {
  const calls: Call[] = [];
  const actions: DesktopCommandActions = {
    newPipeline: () => void calls.push(['newPipeline']),
    openPath: (path) => void calls.push(['openPath', path]),
    save: () => void calls.push(['save']),
    saveAs: () => void calls.push(['saveAs']),
    exportYaml: () => void calls.push(['exportYaml']),
    closePipeline: () => void calls.push(['closePipeline']),
    undo: () => void calls.push(['undo']),
    redo: () => void calls.push(['redo']),
    autoLayout: () => void calls.push(['autoLayout']),
    runAll: () => void calls.push(['runAll']),
    runToSelected: () => void calls.push(['runToSelected']),
    cancelRun: () => void calls.push(['cancelRun']),
    showShortcuts: () => void calls.push(['showShortcuts']),
  };
  return { actions, calls };
}

// One example per kind: the mapped type makes this fail to compile when the contract gains a kind.
const EXAMPLES: { [K in DesktopCommand['kind']]: { command: Extract<DesktopCommand, { kind: K }>; expected: Call } } = {
  new: { command: { kind: 'new' }, expected: ['newPipeline'] },
  open: { command: { kind: 'open', path: 'models/Beak Length (mm).yaml' }, expected: ['openPath', 'models/Beak Length (mm).yaml'] },
  save: { command: { kind: 'save' }, expected: ['save'] },
  'save-as': { command: { kind: 'save-as' }, expected: ['saveAs'] },
  'export-yaml': { command: { kind: 'export-yaml' }, expected: ['exportYaml'] },
  close: { command: { kind: 'close' }, expected: ['closePipeline'] },
  undo: { command: { kind: 'undo' }, expected: ['undo'] },
  redo: { command: { kind: 'redo' }, expected: ['redo'] },
  'auto-layout': { command: { kind: 'auto-layout' }, expected: ['autoLayout'] },
  'run-all': { command: { kind: 'run-all' }, expected: ['runAll'] },
  'run-to-selected': { command: { kind: 'run-to-selected' }, expected: ['runToSelected'] },
  'cancel-run': { command: { kind: 'cancel-run' }, expected: ['cancelRun'] },
  'show-shortcuts': { command: { kind: 'show-shortcuts' }, expected: ['showShortcuts'] },
};

describe('desktop menu commands', () => {
  it.each(Object.entries(EXAMPLES))('"%s" runs exactly its one action', (_kind, { command, expected }) => {
    const { actions, calls } = recorder();
    runDesktopCommand(command, actions);
    expect(calls).toEqual([expected]);
  });

  it('every action is reached by some command, so no menu entry is left without one', () => {
    const { actions } = recorder();
    const reached = new Set(Object.values(EXAMPLES).map((e) => e.expected[0]));
    expect([...reached].sort()).toEqual(Object.keys(actions).sort());
  });

  it('an unknown command from a newer main process is ignored, not thrown', () => {
    const { actions, calls } = recorder();
    const original = console.warn;
    const warnings: unknown[][] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      expect(() => runDesktopCommand({ kind: 'print' } as unknown as DesktopCommand, actions)).not.toThrow();
    } finally {
      console.warn = original;
    }
    expect(calls).toEqual([]);
    expect(warnings).toHaveLength(1);
  });
});
