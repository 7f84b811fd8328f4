import { describe, expect, it } from 'vitest';
import { documentLabel, unsavedAnswer, unsavedPrompt, windowTitle } from './document-title.js';

describe('windowTitle', () => {
  it('is the app name before the UI reports a pipeline', () => {
    expect(windowTitle(undefined)).toBe('Millrace');
  });

  it('shows name — file — Millrace, with ● while there are unsaved changes', () => {
    expect(windowTitle({ path: 'penguins.yaml', name: 'penguin-species', dirty: false })).toBe('penguin-species — penguins.yaml — Millrace');
    expect(windowTitle({ path: 'penguins.yaml', name: 'penguin-species', dirty: true })).toBe('● penguin-species — penguins.yaml — Millrace');
  });

  it('shows the file name only (not its folder), whatever the separators', () => {
    expect(windowTitle({ path: 'sub dir/Beak Length (mm).yaml', name: 'beaks', dirty: false })).toBe('beaks — Beak Length (mm).yaml — Millrace');
    expect(windowTitle({ path: 'sub\\weather.millrace.yaml', name: 'w', dirty: false })).toBe('w — weather.millrace.yaml — Millrace');
  });

  it('says "not saved" for a pipeline without a file, and falls back to the file or Untitled for the name', () => {
    expect(windowTitle({ name: 'draft', dirty: true })).toBe('● draft — not saved — Millrace');
    expect(windowTitle({ path: 'a.yaml', name: '  ', dirty: false })).toBe('a.yaml — Millrace');
    expect(windowTitle({ name: '', dirty: false })).toBe('Untitled — not saved — Millrace');
  });
});

describe('unsaved-changes prompt', () => {
  it('names the pipeline and offers Save / Don\'t Save / Cancel, Save first, Escape cancels', () => {
    const prompt = unsavedPrompt({ path: 'penguins.yaml', name: 'penguin-species', dirty: true }, 'close');
    expect(prompt.message).toBe('You have unsaved changes in penguin-species.');
    expect(prompt.detail).toMatch(/before closing/);
    expect(prompt.buttons).toEqual(['Save', "Don't Save", 'Cancel']);
    expect(prompt.buttons[prompt.defaultId]).toBe('Save');
    expect(prompt.buttons[prompt.cancelId]).toBe('Cancel');
    expect(unsavedPrompt({ name: 'x', dirty: true }, 'open-other').detail).toMatch(/before opening the other pipeline/);
  });

  it('maps the button pressed to an answer; anything unexpected cancels', () => {
    expect([0, 1, 2, 3, -1].map(unsavedAnswer)).toEqual(['save', 'discard', 'cancel', 'cancel', 'cancel']);
  });

  it('labels a pipeline by name, else by file, else Untitled', () => {
    expect(documentLabel({ name: 'n', path: 'f.yaml', dirty: true })).toBe('n');
    expect(documentLabel({ name: '', path: 'dir/f.yaml', dirty: true })).toBe('f.yaml');
    expect(documentLabel({ name: '', dirty: true })).toBe('Untitled');
  });
});
