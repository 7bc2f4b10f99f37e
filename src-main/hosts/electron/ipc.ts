import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../../../shared/contract/envelope';
import { errorMessage } from '../../../shared/i18n/errors';
import type { Registry } from '../../core/registry';
import { rpcIpcChannel } from './ipc-channel';

/** Serves the registry over IPC, answering only frames that show the app's own renderer. */
export function serveRegistryOverIpc(registry: Registry, isTrustedUrl: (url: string) => boolean): void {
  ipcMain.handle(rpcIpcChannel, (event: IpcMainInvokeEvent, request: unknown): Envelope<unknown> => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(url)) {
      return { ok: false, error: { code: 'request.unauthorized', message: errorMessage('request.unauthorized', 'uk') } };
    }
    const { channel, input, locale } = (typeof request === 'object' && request !== null ? request : {}) as Record<string, unknown>;
    return registry.dispatch(channel, input, locale);
  });
}
