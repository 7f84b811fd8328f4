/**
 * What the toolbar, shortcuts and dialogs do: open, save, import, export, run, cancel, restore.
 * Each is an async workflow over the engine client and the store; errors end up as messages.
 */
import { ApiRequestError, type EngineClient } from '../api/client';
import type { PipelineDocument, PipelineIssue } from '../../../engine/pipeline/document';
import type { NodeTypeJson } from '../../../nodes/catalogue-json';
import { withLayout } from '../canvas/auto-layout';
import type { MillraceStore } from '../store/create-store';
import { stableJson } from '../store/run-signatures';
import { autosaveKey } from '../store/side-effects';
import { emptyDocument } from '../store/slices/document-slice';
import { download, forgetPath, rememberPath } from './browser-state';

/** The pipeline as YAML text, ready for a download or a native save dialog. */
export interface YamlFile {
  /** The name to suggest: the pipeline's file name, else its own name, ending in .yaml. */
  fileName: string;
  text: string;
  /** The document the text was formatted from: what writing this text makes clean. */
  document: PipelineDocument;
}

export interface Commands {
  openPath(path: string): Promise<boolean>;
  newPipeline(): void;
  /** Opens the never-saved pipeline kept in the "untitled" autosave slot. */
  continueUntitled(): Promise<void>;
  save(): Promise<void>;
  saveAs(path: string): Promise<boolean>;
  importYaml(text: string, fileName: string): Promise<void>;
  exportYaml(): Promise<void>;
  /** The pipeline formatted as YAML; undefined (after a message) when it cannot be formatted. */
  yamlFile(): Promise<YamlFile | undefined>;
  /** `file` was written at `path` in the served folder by someone else (the desktop's save dialog): the pipeline now lives there. */
  adoptSaved(path: string, file: YamlFile): Promise<void>;
  run(target?: string): Promise<void>;
  cancelRun(): Promise<void>;
  restoreAutosave(): void;
  discardAutosave(): void;
  closePipeline(): void;
}

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Issues as lines for people: `line 12: node "clean": …`. */
export function issueLines(issues: readonly PipelineIssue[]): string[] {
  return issues.map((i) => [i.line !== undefined ? `line ${i.line}` : '', i.nodeId ? `node "${i.nodeId}"` : '', i.message].filter(Boolean).join(': ') + (i.hint ? ` ${i.hint}` : ''));
}

/** `models/churn` → `models/churn.yaml`; keeps `.yaml` and `.yml`. */
export function yamlPath(path: string): string {
  const trimmed = path.trim().replace(/^\.?\/+/, '');
  return /\.ya?ml$/i.test(trimmed) ? trimmed : `${trimmed}.yaml`;
}

const baseName = (path: string): string => (path.split('/').pop() ?? path).replace(/\.ya?ml$/i, '');
const isUntitled = (name: string): boolean => name === 'untitled' || name.trim() === '';

/** The file name to offer for a pipeline: its file's, else its own name (a slash in it would name another folder). */
export function suggestedFileName(name: string, path: string | undefined): string {
  const stem = path ? baseName(path) : isUntitled(name) ? 'pipeline' : name.trim().replace(/[/\\]/g, '-');
  return `${stem}.yaml`;
}

export function createCommands(store: MillraceStore, client: EngineClient, nodeTypes: ReadonlyMap<string, NodeTypeJson>): Commands {
  const state = () => store.getState();

  async function offerRestore(path: string | undefined, fileDocument: PipelineDocument): Promise<void> {
    try {
      const saved = await client.loadAutosave(autosaveKey(path));
      if (saved.document && saved.savedAt && stableJson(saved.document) !== stableJson(fileDocument) && state().path === path) {
        state().setUi({ restoreOffer: { document: saved.document, savedAt: saved.savedAt } });
      }
    } catch {
      // No autosave to offer is the normal case; a failure here must not block opening.
    }
  }

  /** The file at `path` now holds `document`: it is clean, remembered, and its autosaves are obsolete. */
  function adopt(path: string, text: string, document: PipelineDocument): void {
    const previousKey = autosaveKey(state().path);
    state().markSaved(path, text, document);
    rememberPath(path);
    void client.autosave(previousKey, null).catch(() => undefined);
    if (previousKey !== autosaveKey(path)) void client.autosave(autosaveKey(path), null).catch(() => undefined);
  }

  async function writeTo(path: string): Promise<boolean> {
    let document = state().document;
    if (isUntitled(document.name)) {
      state().apply({ kind: 'set-info', name: baseName(path) });
      document = state().document;
    }
    try {
      const saved = await client.save(path, document, state().source);
      adopt(saved.path, saved.text, document);
      state().toast(`Saved ${saved.path}`, 'success');
      return true;
    } catch (error) {
      const issues = error instanceof ApiRequestError ? (error.body.issues ?? []) : [];
      if (issues.length > 0) state().setUi({ dialog: { kind: 'import-errors', title: `Could not save ${path}`, messages: issueLines(issues) } });
      else state().toast(`Could not save ${path}: ${errorText(error)}`, 'error');
      return false;
    }
  }

  async function yamlFile(): Promise<YamlFile | undefined> {
    const { document, path, source } = state();
    try {
      const { text } = await client.format(document, source);
      return { fileName: suggestedFileName(document.name, path), text, document };
    } catch (error) {
      state().toast(`Could not write the pipeline as YAML: ${errorText(error)}`, 'error');
      return undefined;
    }
  }

  return {
    async openPath(path) {
      state().setUi({ busy: `Opening ${path}…`, restoreOffer: null });
      try {
        const file = await client.openPipeline(path);
        if (!file.document) {
          state().setUi({ dialog: { kind: 'import-errors', title: `${path} cannot be opened`, messages: issueLines(file.issues) } });
          return false;
        }
        const document = withLayout(file.document, nodeTypes);
        state().load(document, { path: file.path, source: file.text });
        rememberPath(file.path);
        void offerRestore(file.path, document);
        return true;
      } catch (error) {
        state().toast(`Could not open ${path}: ${errorText(error)}`, 'error');
        return false;
      } finally {
        state().setUi({ busy: null });
      }
    },

    newPipeline() {
      state().load(emptyDocument(), {});
      state().setUi({ restoreOffer: null });
      forgetPath();
      void offerRestore(undefined, state().document);
    },

    async continueUntitled() {
      try {
        const saved = await client.loadAutosave(autosaveKey(undefined));
        state().load(emptyDocument(), {});
        forgetPath();
        if (saved.document) state().apply({ kind: 'replace', document: withLayout(saved.document, nodeTypes) });
      } catch (error) {
        state().toast(`Could not restore the unsaved pipeline: ${errorText(error)}`, 'error');
      }
    },

    async save() {
      const path = state().path;
      if (!path) state().setUi({ dialog: { kind: 'save-as' } });
      else await writeTo(path);
    },

    async saveAs(path) {
      return writeTo(yamlPath(path));
    },

    async importYaml(text, fileName) {
      try {
        const parsed = await client.parse(text);
        if (!parsed.document) {
          state().setUi({ dialog: { kind: 'import-errors', title: `${fileName} is not a valid pipeline`, messages: issueLines(parsed.issues) } });
          return;
        }
        if (state().open && state().isDirty() && !window.confirm('The current pipeline has unsaved changes (they stay in its autosave). Import another one?')) return;
        // An imported file is a new, unsaved pipeline: saving must not overwrite the file that was open.
        state().load(withLayout(parsed.document, nodeTypes), { dirty: true });
        state().setUi({ restoreOffer: null });
        forgetPath();
        const errors = parsed.issues.filter((i) => i.severity === 'error').length;
        state().toast(
          errors > 0 ? `Imported ${fileName} with ${errors} problem${errors === 1 ? '' : 's'} (marked on the nodes).` : `Imported ${fileName}. Save it to choose where it lives.`,
          errors > 0 ? 'error' : 'success',
        );
      } catch (error) {
        state().toast(`Could not import ${fileName}: ${errorText(error)}`, 'error');
      }
    },

    async exportYaml() {
      const file = await yamlFile();
      if (file) download(file.fileName, file.text);
    },

    yamlFile,

    async adoptSaved(path, file) {
      // An untitled pipeline takes its file's name, as Save As does here: write it once more through the engine.
      if (isUntitled(file.document.name)) {
        await writeTo(path);
        return;
      }
      adopt(path, file.text, file.document);
      state().toast(`Saved ${path}`, 'success');
    },

    async run(target) {
      if (state().run.running || state().run.requesting) return;
      state().runRequested();
      try {
        const { runId } = await client.run(state().document, state().path, target);
        state().runStarted(runId, target);
      } catch (error) {
        const issues = error instanceof ApiRequestError ? (error.body.issues ?? []) : [];
        const first = issueLines(issues.filter((i) => i.severity === 'error'))[0];
        const message = first ? `Cannot run: ${first}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}` : `Cannot run: ${errorText(error)}`;
        state().runRequestFailed(message);
        state().toast(message, 'error');
      }
    },

    async cancelRun() {
      const { runId, running } = state().run;
      if (!runId || !running) return;
      try {
        await client.cancelRun(runId);
      } catch (error) {
        state().toast(`Could not cancel: ${errorText(error)}`, 'error');
      }
    },

    restoreAutosave() {
      const offer = state().restoreOffer;
      if (!offer) return;
      // As an edit, so one undo brings back the file's version.
      state().apply({ kind: 'replace', document: withLayout(offer.document, nodeTypes) });
      state().setUi({ restoreOffer: null });
    },

    discardAutosave() {
      state().setUi({ restoreOffer: null });
      void client.autosave(autosaveKey(state().path), null).catch(() => undefined);
    },

    closePipeline() {
      state().setUi({ restoreOffer: null, centre: 'canvas' });
      store.setState({ open: false });
      forgetPath();
    },
  };
}
