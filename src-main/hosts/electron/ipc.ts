import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../../../shared/contract/envelope';
import { errorMessage } from '../../../shared/i18n/errors';
import type { Dispatch } from '../host-channels';
import { rpcIpcChannel } from './ipc-channel';

/** Serves the contract over IPC, answering only frames that show the app's own renderer. */
export function serveOverIpc(dispatch: Dispatch, isTrustedUrl: (url: string) => boolean): void {
  ipcMain.handle(rpcIpcChannel, async (event: IpcMainInvokeEvent, request: unknown): Promise<Envelope<unknown>> => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(url)) {
      return { ok: false, error: { code: 'request.unauthorized', message: errorMessage('request.unauthorized', 'uk') } };
    }
    const { channel, input, locale } = (typeof request === 'object' && request !== null ? request : {}) as Record<string, unknown>;
    return dispatch(channel, input, locale);
  });
}
