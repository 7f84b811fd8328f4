/**
 * The profile of the shown output, after its rows: a sample profile first (labelled as such),
 * then the full profile. Every request is cancelled when the node, port or data changes.
 */
import { useEffect, useState } from 'react';
import type { EngineClient } from '../api/client';
import type { PipelineDocument, TableProfile } from '../../../engine/contract/api';
import { describeError, isAbort, type PanelError } from './panel-error';
import { profileSteps, SAMPLE_ROWS, type ProfileStep } from './profile-plan';
import type { PreviewTarget } from './use-preview';

export interface ProfileState {
  profile: TableProfile | null;
  /** The step being fetched now, if any. */
  loading: ProfileStep | null;
  error: PanelError | null;
  /** The fetch key the profile belongs to (an older one while a refetch of the same output runs). */
  key: string | null;
}

interface Stored extends ProfileState {
  source: string;
}

const EMPTY: ProfileState = { profile: null, loading: null, error: null, key: null };

export function useProfile(
  client: EngineClient,
  documentRef: { readonly current: PipelineDocument },
  target: PreviewTarget | null,
  key: string | null,
  /** The rows of this key have arrived (rows come first). */
  ready: boolean,
  totalRows: number | null,
): ProfileState {
  const [stored, setStored] = useState<Stored | null>(null);
  const source = target ? `${target.nodeId}\u0000${target.port ?? ''}` : null;

  useEffect(() => {
    if (!ready || key === null || target === null || source === null) return;
    const controller = new AbortController();
    const steps = profileSteps(totalRows);
    const update = (patch: Partial<ProfileState>) =>
      setStored((prev) => {
        const base = prev && prev.source === source ? prev : { ...EMPTY, source };
        return { ...base, ...patch, source, key: patch.profile ? key : base.key };
      });
    void (async () => {
      for (const step of steps) {
        update({ loading: step, error: null });
        const profile = await client.profile(
          { document: documentRef.current, path: target.path, node: target.nodeId, port: target.port, ...(step === 'sample' ? { sampleRows: SAMPLE_ROWS } : {}) },
          controller.signal,
        );
        if (controller.signal.aborted) return;
        update({ profile, loading: null });
        if (!profile.sampled) return;
      }
    })().catch((error: unknown) => {
      if (controller.signal.aborted || isAbort(error)) return;
      update({ loading: null, error: describeError(error, target.nodeId) });
    });
    return () => controller.abort();
    // The target is part of the key; totalRows only decides whether a sample is worth it.
  }, [client, documentRef, key, ready]);

  // Another node's profile is never shown; this node's older profile is, until the new one arrives.
  if (!stored || stored.source !== source) return EMPTY;
  return { profile: stored.profile, loading: stored.loading, error: stored.error, key: stored.key };
}
