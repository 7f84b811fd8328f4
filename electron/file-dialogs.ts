/**
 * The native dialogs behind File > Open…, Save As… and Export YAML…: they return the path the
 * user chose (or undefined) and write what the UI gave. Which folder to serve afterwards is
 * desktop-session.ts's business.
 */
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import path from 'node:path';
import { suggestedFileName, targetFile, writeTextFile, YAML_FILTERS } from './save-files.js';

/** File > Open…: the pipeline chosen, or undefined. */
export async function choosePipeline(window: BrowserWindow | undefined, folder: string | undefined): Promise<string | undefined> {
  const options: OpenDialogOptions = {
    title: 'Open Pipeline',
    ...(folder === undefined ? {} : { defaultPath: folder }),
    filters: YAML_FILTERS,
    properties: ['openFile'],
  };
  // No window on macOS once it is closed: the dialog then stands on its own.
  const result = await (window === undefined ? dialog.showOpenDialog(options) : dialog.showOpenDialog(window, options));
  return result.canceled ? undefined : result.filePaths[0];
}

/**
 * A save dialog for `yamlText`, then the write. Returns the absolute path written, or undefined
 * when the user cancelled. `title`: Save Pipeline As / Export YAML.
 */
export async function saveYamlAs(
  window: BrowserWindow,
  options: { title: string; folder: string | undefined; suggestedName: string; yamlText: string },
): Promise<string | undefined> {
  const name = suggestedFileName(options.suggestedName);
  const result = await dialog.showSaveDialog(window, {
    title: options.title,
    defaultPath: options.folder === undefined ? name : path.join(options.folder, name),
    filters: YAML_FILTERS,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (result.canceled || result.filePath === '') return undefined;
  const file = targetFile(result.filePath);
  await writeTextFile(file, options.yamlText);
  return file;
}
