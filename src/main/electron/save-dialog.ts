/**
 * The save dialog for reports (core/reports/save-dialog-port.ts): dialog.showSaveDialog on the
 * Keyflare window, proposing the Documents folder, asking before overwriting. Only the path the
 * user chose goes back to the core, which writes the file.
 */
import path from 'node:path';
import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import type { SaveDialogPort } from '../core/reports/save-dialog-port';

function documentsFolder(): string | null {
  try {
    return app.getPath('documents');
  } catch {
    return null;
  }
}

export function createElectronSaveDialog(window: () => BrowserWindow | null): SaveDialogPort {
  return {
    async choose(request) {
      const folder = documentsFolder();
      const options: SaveDialogOptions = {
        title: request.title,
        defaultPath: folder ? path.join(folder, request.defaultName) : request.defaultName,
        filters: request.filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const parent = window();
      const result = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
