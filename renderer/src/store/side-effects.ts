/**
 * Side effects of store changes, attached in one place (never inside reducers):
 * validation (debounced) after every document change, autosave (debounced) of unsaved edits,
 * and the engine's event stream into the run slice.
 */
import type { EngineClient } from '../api/client';
import type { MillraceStore } from './create-store';

export interface SideEffectOptions {
  validateMs?: number;
  autosaveMs?: number;
  /** Subscribe to engine events (off in tests that drive events by hand). */
  events?: boolean;
  /** Where events come from: the window's shared event hub (default: a connection of its own). */
  subscribe?: EngineClient['subscribe'];
}

/** The autosave slot of a pipeline: its path, or one shared slot for a pipeline never saved. */
export const autosaveKey = (path: string | undefined): string => path ?? 'untitled';

function debounce(fn: () => void, ms: number): { schedule(): void; cancel(): void; pending(): boolean } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    schedule() {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        fn();
      }, ms);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
    pending: () => timer !== undefined,
  };
}

export function attachSideEffects(store: MillraceStore, client: EngineClient, options: SideEffectOptions = {}): () => void {
  const { validateMs = 250, autosaveMs = 1000, events = true, subscribe = client.subscribe.bind(client) } = options;
  let validationSeq = 0;

  const validate = debounce(() => {
    const { document, path, open } = store.getState();
    if (!open) return;
    const seq = ++validationSeq;
    client.validate(document, path).then(
      (response) => {
        // Only the answer to the latest request counts; an older one would show outdated issues.
        if (seq === validationSeq) store.getState().setValidation({ document, issues: response.issues, ports: response.ports });
      },
      (error: unknown) => {
        if (seq === validationSeq) store.getState().toast(`Could not validate the pipeline: ${error instanceof Error ? error.message : String(error)}`, 'error');
      },
    );
  }, validateMs);

  const saveNow = (keepalive: boolean) => {
    const state = store.getState();
    if (!state.open || !state.isDirty()) return;
    client.autosave(autosaveKey(state.path), state.document, { keepalive }).catch(() => {
      // Autosave is a safety net: a failure must not interrupt work; the next edit tries again.
    });
  };
  const autosave = debounce(() => saveNow(false), autosaveMs);

  // The tab closes or reloads within the debounce: send the last edits now, in a request that outlives the page.
  const onPageHide = () => {
    if (!autosave.pending()) return;
    autosave.cancel();
    saveNow(true);
  };
  if (typeof window !== 'undefined') window.addEventListener('pagehide', onPageHide);

  const unsubscribeStore = store.subscribe((state, previous) => {
    if (state.document === previous.document && state.path === previous.path && state.open === previous.open) return;
    validate.schedule();
    if (state.document !== previous.document && state.isDirty()) autosave.schedule();
  });

  const unsubscribeEvents = events
    ? subscribe(
        (event) => store.getState().applyEvent(event),
        (connected) => store.getState().setEventsConnected(connected),
      )
    : () => {};

  return () => {
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', onPageHide);
    validate.cancel();
    autosave.cancel();
    unsubscribeStore();
    unsubscribeEvents();
  };
}
