/**
 * Side effects of store changes, attached in one place (never inside reducers):
 * validation (debounced) after every document change, autosave (debounced) of unsaved edits,
 * the results kept from earlier runs after a pipeline opens, and the engine's event stream into
 * the run slice.
 */
import type { EngineClient } from '../api/client';
import type { MillraceStore } from './create-store';
import { signaturesFor } from './selectors';

export interface SideEffectOptions {
  validateMs?: number;
  autosaveMs?: number;
  /** Wait after a load before asking for kept results (a restore right after an open asks once). */
  storedResultsMs?: number;
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
  const { validateMs = 250, autosaveMs = 1000, storedResultsMs = 150, events = true, subscribe = client.subscribe.bind(client) } = options;
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

  // Results kept from earlier runs: asked once a load (or a wholesale replacement) settles; an
  // answer that comes after another load, or after a run started or ended, is dropped.
  let asking: AbortController | undefined;
  const askStoredResults = debounce(() => {
    const { document, path, open, swapCount, run } = store.getState();
    if (!open || document.nodes.length === 0 || run.running || run.requesting) return;
    const controller = new AbortController();
    asking = controller;
    const ask = async () => {
      try {
        const { nodes } = await client.storedResults(document, path, controller.signal);
        const now = store.getState();
        if (controller.signal.aborted || now.swapCount !== swapCount || now.run.version !== run.version) return;
        now.showStoredResults(nodes, signaturesFor(document));
      } catch (error) {
        // Not worth a dialog: without an answer the nodes show as not run. Said in the console for whoever looks.
        if (!controller.signal.aborted) console.warn('Millrace: could not read the results kept from earlier runs:', error);
      } finally {
        if (asking === controller) asking = undefined;
      }
    };
    void ask();
  }, storedResultsMs);
  const stopAsking = () => {
    askStoredResults.cancel();
    asking?.abort();
    asking = undefined;
  };

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
    if (state.swapCount !== previous.swapCount) {
      stopAsking();
      askStoredResults.schedule();
    }
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
    stopAsking();
    unsubscribeStore();
    unsubscribeEvents();
  };
}
