/**
 * Decides whether the window may close (or the page be replaced, when another folder is opened)
 * while the pipeline has unsaved changes, from the DocumentState the UI reports:
 *
 *   - clean: go ahead;
 *   - dirty: ask Save / Don't Save / Cancel. Don't Save goes ahead; Save sends the UI a `save`
 *     command and goes ahead once the UI reports the pipeline clean; Cancel stays.
 *
 * A save that does not finish (the Save As dialog cancelled, or no clean report within a few
 * minutes) drops the pending action: the window never closes long after the user asked.
 */
import type { DesktopCommand, DocumentState } from '../engine/contract/desktop-bridge.js';
import type { LeaveReason, UnsavedAnswer } from './document-title.js';

export const PENDING_SAVE_MS = 120_000;

export interface UnsavedGuardDeps {
  /** Shows the prompt for this state. */
  ask(state: DocumentState, reason: LeaveReason): Promise<UnsavedAnswer>;
  send(command: DesktopCommand): void;
  now?: () => number;
}

export class UnsavedGuard {
  private state: DocumentState | undefined;
  /** Set once the user chose (or the UI confirmed a save): the next unload goes ahead unasked. */
  private confirmed = false;
  private pending: { proceed: () => void; since: number } | undefined;

  constructor(private readonly deps: UnsavedGuardDeps) {}

  get document(): DocumentState | undefined {
    return this.state;
  }

  /** True when closing or leaving needs no question. */
  mayProceed(): boolean {
    return this.confirmed || this.state === undefined || !this.state.dirty;
  }

  /**
   * For the page's own beforeunload guard (Electron's will-prevent-unload): true when main has
   * already settled the question. False means main knows nothing, so the page's warning stands.
   */
  unloadSettled(): boolean {
    return this.confirmed || (this.state !== undefined && !this.state.dirty);
  }

  /** Runs `proceed` now, after asking, or once a save is done ('saving'); or never ('cancelled'). */
  async confirm(reason: LeaveReason, proceed: () => void): Promise<'proceeded' | 'saving' | 'cancelled'> {
    const state = this.state;
    if (this.mayProceed() || state === undefined) {
      proceed();
      return 'proceeded';
    }
    const answer = await this.deps.ask(state, reason);
    if (answer === 'cancel') return 'cancelled';
    if (answer === 'discard') {
      this.confirmed = true;
      proceed();
      return 'proceeded';
    }
    this.pending = { proceed, since: (this.deps.now ?? Date.now)() };
    this.deps.send({ kind: 'save' });
    return 'saving';
  }

  /** A DocumentState from the UI: may complete a pending save-then-proceed. */
  update(state: DocumentState): void {
    this.state = state;
    if (state.dirty) {
      // New changes after the user chose: ask again next time.
      this.confirmed = false;
      return;
    }
    const pending = this.takePending();
    if (pending === undefined) return;
    this.confirmed = true;
    pending();
  }

  /**
   * The pipeline was saved to a file outside the served folder, so the UI cannot report it clean:
   * runs what waited on the save, if anything (true), else lets the next unload go ahead unasked (false).
   */
  savedElsewhere(): boolean {
    this.confirmed = true;
    const pending = this.takePending();
    if (pending === undefined) return false;
    pending();
    return true;
  }

  /** The page is about to be replaced with nothing left to save (the engine behind it died): no question. */
  allowNextUnload(): void {
    this.confirmed = true;
  }

  /** The user cancelled the save dialog: whatever waited on the save does not happen. */
  saveCancelled(): void {
    this.pending = undefined;
  }

  /** What waited on a save, unless it waited too long (then it is dropped). */
  private takePending(): (() => void) | undefined {
    const pending = this.pending;
    this.pending = undefined;
    if (pending === undefined || (this.deps.now ?? Date.now)() - pending.since > PENDING_SAVE_MS) return undefined;
    return pending.proceed;
  }

  /** A new page (or no page): everything known belonged to the old one. */
  reset(): void {
    this.state = undefined;
    this.confirmed = false;
    this.pending = undefined;
  }
}
