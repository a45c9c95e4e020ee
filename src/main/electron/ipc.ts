/**
 * IPC registration: one ipcMain.handle per contract channel, each behind the trusted-sender check.
 *
 * One of the two files allowed to touch raw ipcMain (lint-enforced). A call is served only when
 * it comes from the main frame of the app's own window showing the app's own page; a null
 * senderFrame (a frame that navigated away or was destroyed) is refused too.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNEL_NAMES, EVENT_CHANNEL, INVOKE_PREFIX } from '../../shared/channels';
import { AppError, type Result } from '../../shared/errors';
import { msg } from '../../shared/i18n/message';
import { isAppUrl } from './app-origin';

export type DispatchFn = (channel: string, input: unknown) => Promise<Result<unknown>>;

const REFUSED: Result<never> = {
  ok: false,
  error: new AppError('PERMISSION_DENIED', msg('errors.input.untrustedSender')).toShape(),
};

export interface TrustOptions {
  /** The web contents of the app's window (the only one allowed to call). */
  trustedContents: () => WebContents | null;
  devOrigin: string | null;
}

export function isTrustedSender(event: IpcMainInvokeEvent, options: TrustOptions): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  const trusted = options.trustedContents();
  if (!trusted || event.sender !== trusted) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url, options.devOrigin);
}

/** Registers every channel; returns a function that removes them again. */
export function registerIpc(dispatch: DispatchFn, options: TrustOptions): () => void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(`${INVOKE_PREFIX}${channel}`, async (event, input: unknown) => {
      if (!isTrustedSender(event, options)) return REFUSED;
      return dispatch(channel, input);
    });
  }
  return () => {
    for (const channel of CHANNEL_NAMES) ipcMain.removeHandler(`${INVOKE_PREFIX}${channel}`);
  };
}

/** Sends a typed event to the window, if it is still there. */
export function sendEvent(contents: WebContents | null, name: string, payload: unknown): void {
  if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, { name, payload });
}
