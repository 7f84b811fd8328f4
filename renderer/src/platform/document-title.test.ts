import { describe, expect, it } from 'vitest';
import { createMillraceStore } from '../store/create-store';
import { emptyDocument } from '../store/slices/document-slice';
import { documentStateOf, documentTitle, sameDocumentState } from './document-title';

describe('document state and window title', () => {
  it('with nothing open the title is just the app and nothing is dirty', () => {
    const store = createMillraceStore();
    expect(documentStateOf(store.getState())).toEqual({ name: '', dirty: false });
    expect(documentTitle(documentStateOf(store.getState()))).toBe('Millrace');
  });

  it('an opened file shows its name and path, and a dot once edited', () => {
    const store = createMillraceStore();
    store.getState().load(emptyDocument('penguins'), { path: 'models/penguins.yaml' });
    expect(documentStateOf(store.getState())).toEqual({ path: 'models/penguins.yaml', name: 'penguins', dirty: false });
    expect(documentTitle(documentStateOf(store.getState()))).toBe('penguins — models/penguins.yaml — Millrace');

    store.getState().apply({ kind: 'set-info', name: 'Beak Length (mm) "v2"' });
    expect(documentStateOf(store.getState()).dirty).toBe(true);
    expect(documentTitle(documentStateOf(store.getState()))).toBe('Beak Length (mm) "v2" — models/penguins.yaml • — Millrace');

    store.getState().undo();
    expect(documentStateOf(store.getState()).dirty).toBe(false);
  });

  it('a new pipeline has no path; an imported one is dirty from the start', () => {
    const store = createMillraceStore();
    store.getState().load(emptyDocument(), {});
    expect(documentStateOf(store.getState())).toEqual({ name: 'untitled', dirty: false });
    expect('path' in documentStateOf(store.getState())).toBe(false);
    store.getState().load(emptyDocument('imported'), { dirty: true });
    expect(documentTitle(documentStateOf(store.getState()))).toBe('imported • — Millrace');
  });

  it('a blank name still reads as untitled next to its file', () => {
    expect(documentTitle({ name: '  ', path: 'a.yaml', dirty: false })).toBe('untitled — a.yaml — Millrace');
  });

  it('states compare by path, name and dirtiness', () => {
    const a = { path: 'a.yaml', name: 'a', dirty: false };
    expect(sameDocumentState(a, { ...a })).toBe(true);
    expect(sameDocumentState(a, { ...a, dirty: true })).toBe(false);
    expect(sameDocumentState(a, { ...a, name: 'b' })).toBe(false);
    expect(sameDocumentState(a, { name: 'a', dirty: false })).toBe(false);
  });
});
