import { describe, expect, it } from 'vitest';
import type { DesktopCommand, DocumentState } from '../engine/contract/desktop-bridge.js';
import type { LeaveReason, UnsavedAnswer } from './document-title.js';
import { PENDING_SAVE_MS, UnsavedGuard } from './unsaved-guard.js';

const clean: DocumentState = { path: 'penguins.yaml', name: 'penguins', dirty: false };
const dirty: DocumentState = { ...clean, dirty: true };

function setup(answer: UnsavedAnswer) {
  const asked: { state: DocumentState; reason: LeaveReason }[] = [];
  const sent: DesktopCommand[] = [];
  let now = 1_000;
  const guard = new UnsavedGuard({
    ask: async (state, reason) => {
      asked.push({ state, reason });
      return answer;
    },
    send: (command) => sent.push(command),
    now: () => now,
  });
  let proceeded = 0;
  const proceed = () => void proceeded++;
  return { guard, asked, sent, proceed, proceeded: () => proceeded, advance: (ms: number) => (now += ms) };
}

describe('UnsavedGuard', () => {
  it('closes without asking when the pipeline is clean or the UI reported nothing', async () => {
    const t = setup('cancel');
    await expect(t.guard.confirm('close', t.proceed)).resolves.toBe('proceeded');
    t.guard.update(clean);
    await expect(t.guard.confirm('close', t.proceed)).resolves.toBe('proceeded');
    expect(t.asked).toEqual([]);
    expect(t.proceeded()).toBe(2);
  });

  it("asks when dirty; Cancel stays", async () => {
    const t = setup('cancel');
    t.guard.update(dirty);
    expect(t.guard.mayProceed()).toBe(false);
    await expect(t.guard.confirm('close', t.proceed)).resolves.toBe('cancelled');
    expect(t.asked).toEqual([{ state: dirty, reason: 'close' }]);
    expect(t.proceeded()).toBe(0);
    expect(t.guard.mayProceed()).toBe(false);
  });

  it("Don't Save goes ahead, and the page's own unload warning is then settled", async () => {
    const t = setup('discard');
    t.guard.update(dirty);
    expect(t.guard.unloadSettled()).toBe(false);
    await expect(t.guard.confirm('open-other', t.proceed)).resolves.toBe('proceeded');
    expect(t.asked[0]?.reason).toBe('open-other');
    expect(t.proceeded()).toBe(1);
    expect(t.guard.mayProceed()).toBe(true);
    expect(t.guard.unloadSettled()).toBe(true);
  });

  it('Save sends the UI a save command and goes ahead only once the UI reports the pipeline clean', async () => {
    const t = setup('save');
    t.guard.update(dirty);
    await expect(t.guard.confirm('close', t.proceed)).resolves.toBe('saving');
    expect(t.sent).toEqual([{ kind: 'save' }]);
    expect(t.proceeded()).toBe(0);
    t.guard.update(dirty); // still saving
    expect(t.proceeded()).toBe(0);
    t.guard.update(clean);
    expect(t.proceeded()).toBe(1);
    t.guard.update(clean); // once only
    expect(t.proceeded()).toBe(1);
  });

  it('a cancelled Save As drops the pending close: a later save does not close the window', async () => {
    const t = setup('save');
    t.guard.update({ name: 'draft', dirty: true });
    await t.guard.confirm('close', t.proceed);
    t.guard.saveCancelled();
    t.guard.update({ path: 'draft.yaml', name: 'draft', dirty: false });
    expect(t.proceeded()).toBe(0);
  });

  it('a save that takes longer than the limit no longer closes the window', async () => {
    const t = setup('save');
    t.guard.update(dirty);
    await t.guard.confirm('close', t.proceed);
    t.advance(PENDING_SAVE_MS + 1);
    t.guard.update(clean);
    expect(t.proceeded()).toBe(0);
  });

  it('a save to a file outside the served folder completes the pending close', async () => {
    const t = setup('save');
    t.guard.update(dirty);
    await t.guard.confirm('close', t.proceed);
    expect(t.guard.savedElsewhere()).toBe(true);
    expect(t.proceeded()).toBe(1);
  });

  it('a save elsewhere with nothing pending only settles the coming unload', () => {
    const t = setup('save');
    t.guard.update(dirty);
    expect(t.guard.savedElsewhere()).toBe(false);
    expect(t.guard.unloadSettled()).toBe(true);
  });

  it('new changes after the user chose mean asking again', async () => {
    const t = setup('discard');
    t.guard.update(dirty);
    await t.guard.confirm('open-other', t.proceed);
    t.guard.update({ ...dirty, name: 'edited again' });
    expect(t.guard.mayProceed()).toBe(false);
  });

  it('with no report from the UI, its own beforeunload warning stands (main cannot vouch)', () => {
    const t = setup('discard');
    expect(t.guard.mayProceed()).toBe(true);
    expect(t.guard.unloadSettled()).toBe(false);
    t.guard.allowNextUnload();
    expect(t.guard.unloadSettled()).toBe(true);
  });

  it('reset forgets the old page: state, choice and pending save', async () => {
    const t = setup('save');
    t.guard.update(dirty);
    await t.guard.confirm('close', t.proceed);
    t.guard.reset();
    expect(t.guard.document).toBeUndefined();
    t.guard.update(clean);
    expect(t.proceeded()).toBe(0);
  });
});
