/**
 * The desktop platform against a fake bridge: a stand-in for Electron's preload, which cannot run
 * here (no Electron binary, and vitest runs in Node). The real bridge's channels and sender checks
 * are tested in electron/.
 */
import { describe, expect, it } from 'vitest';
import { createMillraceStore } from '../store/create-store';
import { emptyDocument } from '../store/slices/document-slice';
import { createPlatform } from './platform';
import { fakeBridge, fakeCommands, YAML_FILE } from './test-fakes';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  const store = createMillraceStore();
  const commands = fakeCommands();
  const bridge = fakeBridge();
  const platform = createPlatform({ store, commands }, bridge);
  const toasts = () => store.getState().toasts.map((t) => t.message);
  return { store, commands, bridge, platform, toasts };
}

describe('the platform choice', () => {
  it('is the desktop when the preload gave a bridge, else the browser', () => {
    const store = createMillraceStore();
    expect(createPlatform({ store, commands: fakeCommands() }, fakeBridge()).kind).toBe('desktop');
    expect(createPlatform({ store, commands: fakeCommands() }, undefined).kind).toBe('browser');
  });
});

describe('the desktop platform', () => {
  it('Save As hands the YAML to the native dialog and continues on the file it wrote inside the served folder', async () => {
    const { bridge, platform, commands } = setup();
    bridge.answer = { absolutePath: '/home/ann/pipelines/models/Beak Length (mm).yaml', relativePath: 'models/Beak Length (mm).yaml' };
    await platform.saveAs();
    expect(bridge.calls).toEqual([['savePipelineAs', YAML_FILE.fileName, YAML_FILE.text]]);
    expect(commands.calls).toEqual([['yamlFile'], ['adoptSaved', 'models/Beak Length (mm).yaml', YAML_FILE]]);
  });

  it('Save As outside the served folder only reports where it went (the main process reopens the window there)', async () => {
    const { bridge, platform, commands, toasts } = setup();
    bridge.answer = { absolutePath: '/tmp/elsewhere/O\'Brien.yaml' };
    await platform.saveAs();
    expect(commands.calls).toEqual([['yamlFile']]);
    expect(toasts()).toEqual(["Saved /tmp/elsewhere/O'Brien.yaml"]);
  });

  it('a cancelled dialog changes nothing', async () => {
    const { bridge, platform, commands, toasts } = setup();
    bridge.answer = undefined;
    await platform.saveAs();
    await platform.exportYaml();
    expect(commands.calls).toEqual([['yamlFile'], ['yamlFile']]);
    expect(toasts()).toEqual([]);
  });

  it('a pipeline that cannot be formatted never reaches the dialog', async () => {
    const store = createMillraceStore();
    const bridge = fakeBridge();
    const platform = createPlatform({ store, commands: fakeCommands(null) }, bridge);
    await platform.saveAs();
    await platform.exportYaml();
    expect(bridge.calls).toEqual([]);
  });

  it('a failing dialog is reported, not thrown', async () => {
    const { bridge, platform, toasts } = setup();
    bridge.savePipelineAs = async () => {
      throw new Error('EACCES: permission denied');
    };
    await platform.saveAs();
    expect(toasts()).toEqual(['Could not save: EACCES: permission denied']);
  });

  it('Save writes to the pipeline file when it has one, else asks where with the native dialog', async () => {
    const { store, bridge, platform, commands } = setup();
    store.getState().load(emptyDocument('p'), { path: 'p.yaml' });
    await platform.save();
    expect(commands.calls).toEqual([['save']]);
    expect(bridge.calls).toEqual([]);

    store.getState().load(emptyDocument(), {});
    await platform.save();
    expect(bridge.calls.map((c) => c[0])).toEqual(['savePipelineAs']);
  });

  it('Export goes through the native dialog and says where the file is', async () => {
    const { bridge, platform, toasts } = setup();
    bridge.answer = { absolutePath: '/home/ann/Desktop/Beak Length (mm).yaml' };
    await platform.exportYaml();
    expect(bridge.calls).toEqual([['exportYaml', YAML_FILE.fileName, YAML_FILE.text]]);
    expect(toasts()).toEqual(['Exported /home/ann/Desktop/Beak Length (mm).yaml']);
  });

  it('Open asks the main process for its native dialog', async () => {
    const { bridge, platform } = setup();
    platform.open();
    expect(bridge.calls).toEqual([['openPipelineDialog']]);
  });

  it('keeps the main process told of the title and close prompt, only when they change', () => {
    const { store, bridge, platform } = setup();
    const stop = platform.trackDocument();
    expect(bridge.states).toEqual([{ name: '', dirty: false }]);

    store.getState().load(emptyDocument('penguins'), { path: 'penguins.yaml' });
    store.getState().setUi({ helpOpen: true });
    store.getState().select([]);
    expect(bridge.states).toEqual([
      { name: '', dirty: false },
      { path: 'penguins.yaml', name: 'penguins', dirty: false },
    ]);

    store.getState().apply({ kind: 'set-info', name: 'penguins', description: 'edited' });
    expect(bridge.states.at(-1)).toEqual({ path: 'penguins.yaml', name: 'penguins', dirty: true });
    store.getState().markSaved('models/penguins.yaml', 'text', store.getState().document);
    expect(bridge.states.at(-1)).toEqual({ path: 'models/penguins.yaml', name: 'penguins', dirty: false });

    stop();
    store.getState().apply({ kind: 'set-info', name: 'after stop' });
    expect(bridge.states.at(-1)?.name).toBe('penguins');
  });

  it('external links open through the main process allowlist instead of a new window', async () => {
    const { bridge, platform, toasts } = setup();
    const props = platform.externalLink('https://duckdb.org/docs/stable/sql/introduction');
    let prevented = false;
    props.onClick?.({ preventDefault: () => void (prevented = true) });
    expect(prevented).toBe(true);
    expect(bridge.calls).toEqual([['openExternal', 'https://duckdb.org/docs/stable/sql/introduction']]);

    bridge.allowLinks = false;
    platform.externalLink('https://example.com/').onClick?.({ preventDefault: () => undefined });
    await flush();
    expect(toasts()).toEqual(['Millrace does not open https://example.com/: it is not on its list of sites.']);
  });

  it('menu commands reach the listener until it unsubscribes', () => {
    const { bridge, platform } = setup();
    const seen: string[] = [];
    const stop = platform.onCommand((command) => seen.push(command.kind));
    bridge.send({ kind: 'run-all' });
    stop();
    bridge.send({ kind: 'save' });
    expect(seen).toEqual(['run-all']);
    expect(bridge.listeners()).toBe(0);
  });
});

describe('the browser platform', () => {
  it('uses the app dialogs and plain new-tab links, and has no menu commands', async () => {
    const store = createMillraceStore();
    const commands = fakeCommands();
    const platform = createPlatform({ store, commands }, undefined);
    platform.open();
    expect(store.getState().dialog).toEqual({ kind: 'open' });
    await platform.saveAs();
    expect(store.getState().dialog).toEqual({ kind: 'save-as' });
    await platform.save();
    await platform.exportYaml();
    expect(commands.calls).toEqual([['save'], ['exportYaml']]);
    expect(platform.externalLink('https://duckdb.org/')).toEqual({ href: 'https://duckdb.org/', target: '_blank', rel: 'noopener noreferrer' });
    expect(platform.onCommand(() => undefined)).toBeTypeOf('function');
  });
});
