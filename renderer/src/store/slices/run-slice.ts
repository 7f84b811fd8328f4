/** Live run status per node, folded from engine events (see run-state.ts for the rules). */
import type { StateCreator } from 'zustand/vanilla';
import type { StoredNodeResult } from '../../../../engine/contract/api';
import type { EngineEvent } from '../../../../engine/contract/events';
import { applyRunEvent, initialRunState, requestRun, runRequestFailed, startRun, type RunState } from '../run-state';
import { nodeSignatures } from '../run-signatures';
import { mergeStoredResults } from '../stored-results';
import type { MillraceState } from '../state';

export interface RunSlice {
  run: RunState;
  /** Whether the engine's event stream is connected. */
  eventsConnected: boolean;
  runRequested(): void;
  runStarted(runId: string, target?: string): void;
  runRequestFailed(error: string): void;
  applyEvent(event: EngineEvent): void;
  /** Results kept from earlier runs, for nodes with no status yet (see stored-results.ts). */
  showStoredResults(results: Record<string, StoredNodeResult>, signatures: Record<string, string>): void;
  setEventsConnected(connected: boolean): void;
  resetRun(): void;
}

export const createRunSlice: StateCreator<MillraceState, [], [], RunSlice> = (set, get) => ({
  run: initialRunState,
  eventsConnected: false,
  runRequested: () => set({ run: requestRun(get().run) }),
  runStarted: (runId, target) => set({ run: startRun(get().run, runId, nodeSignatures(get().document), target) }),
  runRequestFailed: (error) => set({ run: runRequestFailed(get().run, error) }),
  applyEvent(event) {
    const run = applyRunEvent(get().run, event);
    if (run !== get().run) set({ run });
  },
  showStoredResults(results, signatures) {
    const run = mergeStoredResults(get().run, results, signatures);
    if (run !== get().run) set({ run });
  },
  setEventsConnected: (eventsConnected) => set({ eventsConnected }),
  resetRun: () => set({ run: initialRunState }),
});
