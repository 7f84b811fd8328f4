/**
 * Keeps the YAML text and the canvas document in step, without ever fighting the user:
 * - a document from outside (canvas edit, undo, open) is formatted into the text, comments kept,
 *   but only while the editor is not focused (else when it loses focus);
 * - the user's edits are parsed after a pause and applied when the text is well-formed; the text
 *   is never rewritten while they type, and a broken text stays as typed, with its errors.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { EngineClient } from '../api/client';
import type { PipelineDocument, PipelineIssue } from '../../../engine/contract/api';
import { sameJson } from '../inspector/form-state';
import { documentToApply } from './yaml-issues';

export type YamlStatus = 'loading' | 'synced' | 'editing' | 'applied' | 'invalid' | 'offline';

export interface YamlSync {
  text: string;
  issues: PipelineIssue[];
  status: YamlStatus;
  failure: string | undefined;
  edit(text: string): void;
  setFocused(focused: boolean): void;
  reformat(): void;
}

const PARSE_DELAY_MS = 400;

export function useYamlSync(client: EngineClient, document: PipelineDocument, path: string | undefined, onApply: (d: PipelineDocument) => void): YamlSync {
  const [text, setText] = useState('');
  const [issues, setIssues] = useState<PipelineIssue[]>([]);
  const [status, setStatus] = useState<YamlStatus>('loading');
  const [failure, setFailure] = useState<string>();
  const latest = useRef({ document, path, onApply, text });
  useLayoutEffect(() => {
    latest.current = { document, path, onApply, text };
  });
  /** The document the text stands for (last formatted or applied). */
  const shown = useRef<PipelineDocument | null>(null);
  const focused = useRef(false);
  /** The user typed something not applied yet (being parsed, or broken). */
  const dirty = useRef(false);
  /** The last text that stood for a document (formatted or applied): its comments survive a format. */
  const lastGood = useRef('');
  const pendingFormat = useRef(false);
  const sequence = useRef(0);
  const parseTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const format = useCallback(() => {
    const { document: doc } = latest.current;
    const source = lastGood.current;
    const request = ++sequence.current;
    pendingFormat.current = false;
    clearTimeout(parseTimer.current);
    client
      .format(doc, source || undefined)
      .then((response) => {
        if (request !== sequence.current) return;
        shown.current = doc;
        dirty.current = false;
        lastGood.current = response.text;
        latest.current.text = response.text;
        setText(response.text);
        setIssues([]);
        setStatus('synced');
        setFailure(undefined);
      })
      .catch((error: unknown) => {
        if (request !== sequence.current) return;
        setStatus('offline');
        setFailure(error instanceof Error ? error.message : String(error));
      });
  }, [client]);

  useEffect(() => {
    if (shown.current && sameJson(shown.current, document)) return;
    if (shown.current && (focused.current || dirty.current)) pendingFormat.current = true;
    else format();
  }, [document, format]);

  useEffect(() => () => clearTimeout(parseTimer.current), []);

  const parse = useCallback(() => {
    const { text: current, path: file } = latest.current;
    const request = ++sequence.current;
    client
      .parse(current, file)
      .then((response) => {
        if (request !== sequence.current) return;
        setIssues(response.issues);
        setFailure(undefined);
        const next = documentToApply(response);
        if (!next) return setStatus('invalid');
        setStatus('applied');
        shown.current = next;
        dirty.current = false;
        lastGood.current = current;
        if (!sameJson(next, latest.current.document)) latest.current.onApply(next);
        else if (pendingFormat.current && !focused.current) format();
      })
      .catch((error: unknown) => {
        if (request !== sequence.current) return;
        setStatus('offline');
        setFailure(error instanceof Error ? error.message : String(error));
      });
  }, [client, format]);

  const edit = useCallback(
    (next: string) => {
      latest.current.text = next;
      dirty.current = true;
      setText(next);
      setStatus('editing');
      // A format or parse still on its way is now out of date.
      sequence.current++;
      clearTimeout(parseTimer.current);
      parseTimer.current = setTimeout(parse, PARSE_DELAY_MS);
    },
    [parse],
  );

  const setFocused = useCallback(
    (value: boolean) => {
      focused.current = value;
      if (!value && pendingFormat.current && !dirty.current) format();
    },
    [format],
  );

  return { text, issues, status, failure, edit, setFocused, reformat: format };
}
