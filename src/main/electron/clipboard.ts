/**
 * The Electron-backed clipboard port, with secrets marked as concealed where the platform has a
 * convention for it.
 *
 * Clipboard managers skip entries that also carry org.nspasteboard.ConcealedType (macOS) or
 * x-kde-passwordManagerHint=secret (Linux: KDE, CopyQ, wl-clipboard and others). Electron's
 * clipboard.write commits every type of one ClipboardItem atomically, so the marker travels with
 * the text. Windows has no such convention here. If the platform refuses the raw marker format,
 * the text is written alone: the clear-after-N-seconds still applies.
 */
import { clipboard, ClipboardItem } from 'electron';
import type { ClipboardPort } from '../core/ports';

const RAW = (format: string): string => `electron application/osclipboard;format="${format}"`;

/** The marker for `platform`, or null where there is none. */
export function concealedMarker(platform: NodeJS.Platform): Record<string, string> | null {
  if (platform === 'darwin') return { [RAW('org.nspasteboard.ConcealedType')]: '' };
  if (platform === 'linux') return { [RAW('x-kde-passwordManagerHint')]: 'secret' };
  return null;
}

export function createElectronClipboard(platform: NodeJS.Platform = process.platform): ClipboardPort {
  return {
    write: async (text, { concealed }) => {
      const marker = concealed ? concealedMarker(platform) : null;
      if (marker) {
        try {
          await clipboard.write([new ClipboardItem({ 'text/plain': text, ...marker })]);
          return;
        } catch {
          // Fall through to a plain write: the entry is still cleared after the delay.
        }
      }
      await clipboard.writeText(text);
    },
    read: () => clipboard.readText(),
    clear: () => {
      clipboard.clear();
      return Promise.resolve();
    },
  };
}
