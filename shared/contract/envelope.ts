import type { ErrorCode } from '../i18n/errors';

export interface ApiErrorBody {
  code: ErrorCode;
  /** Already in the user's language. */
  message: string;
  /** The form field the error belongs to, when there is one. */
  field?: string;
  details?: unknown;
}

/** Answers cross the boundary as values, never as thrown exceptions. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export interface RpcRequest {
  channel: string;
  input: unknown;
  locale: string;
}

/** What the Electron preload exposes as `window.obhid`; browser mode has no such object. */
export interface RpcBridge {
  invoke: (request: RpcRequest) => Promise<Envelope<unknown>>;
}

export const bridgeName = 'obhid';
