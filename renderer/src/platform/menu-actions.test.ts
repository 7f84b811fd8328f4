/** The application menu's actions over a real store, with recording commands and platform. */
import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../../engine/pipeline/document';
import { createMillraceStore } from '../store/create-store';
import { emptyDocument } from '../store/slices/document-slice';
import { createMenuActions, unsavedQuestion } from './menu-actions';
import { fakeCommands, type Call } from './test-fakes';

const TWO_NODES: PipelineDocument = {
  millrace: 1,
  name: 'two',
  nodes: [
    { id: 'say "hi"', type: 'sql', params: { query: 'SELECT 1 AS "Beak Length (mm)"' }, inputs: {} },
    { id: "O'Brien", type: 'sql', params: { query: 'SELECT 2' }, inputs: {} },
  ],
  layout: {},
};

function setup(options: { answer?: boolean; editing?: boolean } = {}) {
  const store = createMillraceStore();
  const commands = fakeCommands();
  const asked: string[] = [];
  const other: Call[] = [];
  const actions = createMenuActions({
    store,
    commands,
    platform: {
      save: async () => void other.push(['platform.save']),
      saveAs: async () => void other.push(['platform.saveAs']),
      exportYaml: async () => void other.push(['platform.exportYaml']),
    },
    autoLayout: () => void other.push(['autoLayout']),
    confirm: (message) => (asked.push(message), options.answer ?? false),
    editingText: () => options.editing ?? false,
    editText: (command) => void other.push(['editText', command]),
  });
  const edit = () => store.getState().apply({ kind: 'set-info', description: 'edited' });
  return { store, commands, actions, asked, other, edit };
}

describe('menu actions', () => {
  it('with no pipeline open, pipeline actions do nothing and New/Open act without asking', () => {
    const { actions, commands, asked, other, store } = setup();
    for (const act of [actions.save, actions.saveAs, actions.exportYaml, actions.closePipeline, actions.autoLayout, actions.runAll, actions.runToSelected, actions.cancelRun, actions.undo, actions.redo]) act();
    expect(commands.calls).toEqual([]);
    expect(other).toEqual([]);
    expect(store.getState().toasts).toEqual([]);
    actions.openPath('flights.yaml');
    actions.newPipeline();
    expect(commands.calls).toEqual([['openPath', 'flights.yaml'], ['newPipeline']]);
    expect(asked).toEqual([]);
  });

  it('opening, starting new or closing over unsaved changes asks first, and a no keeps the pipeline', () => {
    const { actions, commands, asked, store, edit } = setup({ answer: false });
    store.getState().load(emptyDocument('p'), { path: 'p.yaml' });
    edit();
    actions.openPath('models/Beak Length (mm).yaml');
    actions.newPipeline();
    actions.closePipeline();
    expect(commands.calls).toEqual([]);
    expect(asked).toEqual([unsavedQuestion('Open another one?'), unsavedQuestion('Start a new one?'), unsavedQuestion('Close it?')]);
  });

  it('a yes replaces the pipeline; a clean pipeline is replaced without asking', () => {
    const yes = setup({ answer: true });
    yes.store.getState().load(emptyDocument('p'), { path: 'p.yaml' });
    yes.edit();
    yes.actions.openPath('models/Beak Length (mm).yaml');
    expect(yes.commands.calls).toEqual([['openPath', 'models/Beak Length (mm).yaml']]);

    const clean = setup();
    clean.store.getState().load(emptyDocument('p'), { path: 'p.yaml' });
    clean.actions.closePipeline();
    expect(clean.commands.calls).toEqual([['closePipeline']]);
    expect(clean.asked).toEqual([]);
  });

  it('Save, Save As and Export go through the platform (native dialogs on the desktop)', () => {
    const { actions, other, store } = setup();
    store.getState().load(emptyDocument('p'), {});
    actions.save();
    actions.saveAs();
    actions.exportYaml();
    expect(other).toEqual([['platform.save'], ['platform.saveAs'], ['platform.exportYaml']]);
  });

  it('runs all, runs to the one selected node, or says to select one', () => {
    const { actions, commands, store } = setup();
    store.getState().load(TWO_NODES, { path: 'two.yaml' });
    actions.runAll();
    actions.runToSelected();
    expect(store.getState().toasts.map((t) => t.message)).toEqual(['Select one node to run it and what it needs.']);
    store.getState().select(["O'Brien"]);
    actions.runToSelected();
    actions.cancelRun();
    expect(commands.calls).toEqual([['run'], ['run', "O'Brien"], ['cancelRun']]);
  });

  it('undo and redo act on the pipeline, or on the text being typed', () => {
    const { actions, store, edit } = setup();
    store.getState().load(emptyDocument('p'), { path: 'p.yaml' });
    edit();
    actions.undo();
    expect(store.getState().document.description).toBeUndefined();
    actions.redo();
    expect(store.getState().document.description).toBe('edited');

    const typing = setup({ editing: true });
    typing.store.getState().load(emptyDocument('p'), { path: 'p.yaml' });
    typing.edit();
    typing.actions.undo();
    typing.actions.redo();
    expect(typing.store.getState().document.description).toBe('edited');
    expect(typing.other).toEqual([
      ['editText', 'undo'],
      ['editText', 'redo'],
    ]);
  });

  it('auto-layout needs nodes to lay out; show-shortcuts opens the help', () => {
    const { actions, other, store } = setup();
    store.getState().load(emptyDocument('p'), {});
    actions.autoLayout();
    expect(other).toEqual([]);
    store.getState().load(TWO_NODES, {});
    actions.autoLayout();
    expect(other).toEqual([['autoLayout']]);
    actions.showShortcuts();
    expect(store.getState().helpOpen).toBe(true);
  });
});
