/**
 * The save dialog, as the core sees it (the ports.ts style): where the user wants a file.
 *
 * The Electron shell implements it with dialog.showSaveDialog on the Keyflare window; tests pass
 * one that answers a path of their own. The core writes the file itself, so what is written is
 * the same whoever asked for the path. A core without a shell has none and says so.
 */

export interface SaveDialogRequest {
  title: string;
  /** The file name the dialog proposes. */
  defaultName: string;
  /** e.g. [{ name: 'Markdown', extensions: ['md'] }] */
  filters: { name: string; extensions: string[] }[];
}

export interface SaveDialogPort {
  /** The absolute path the user chose, or null when they cancelled. */
  choose(request: SaveDialogRequest): Promise<string | null>;
}
