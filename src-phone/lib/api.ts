import type {
  FieldPaired,
  FieldPairRequest,
  FieldPhotoAnswer,
  FieldPlan,
  FieldResult,
  FieldResultsAnswer,
  FieldSignedOut,
} from '../../shared/contract/field';
import { words } from '../words';

/**
 * The field service as the phone calls it (shared/contract/field.ts). Every failure becomes a
 * FieldApiError whose message is for the controller: the workstation's own words when it refused
 * (`{ error: { code, message } }`), the phone's when there was no answer at all (status 0).
 */
export class FieldApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'FieldApiError';
  }

  get unauthorized(): boolean {
    return this.status === 401;
  }

  /** Nothing reached the workstation, or it could not take anything now: try again later, all of it. */
  get transient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface PhotoUpload {
  clientId: string;
  positionId: number;
  takenAt: string;
  blob: Blob;
}

export interface FieldApi {
  pair: (request: FieldPairRequest) => Promise<FieldPaired>;
  plan: (token: string) => Promise<FieldPlan>;
  sendResults: (token: string, results: FieldResult[]) => Promise<FieldResultsAnswer>;
  sendPhoto: (token: string, photo: PhotoUpload) => Promise<FieldPhotoAnswer>;
  /** Ends the session on the workstation, so that it no longer stands in the administrator's list as in use. */
  signOut: (token: string) => Promise<FieldSignedOut>;
}

async function refusal(response: Response): Promise<FieldApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's page, a cut connection): the status says what there is to say.
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : `http.${response.status}`;
  if (typeof error?.message === 'string' && error.message.trim()) return new FieldApiError(response.status, code, error.message);
  return new FieldApiError(response.status, code, response.status === 401 ? words.sessionEnded : words.serverFailed(response.status));
}

/** `base` is '' on the phone: the app is served by the field listener itself, so the API is same-origin. */
export function createFieldApi(fetchFn: FetchLike = (url, init) => fetch(url, init), base = ''): FieldApi {
  const call = async <T>(path: string, init: RequestInit): Promise<T> => {
    let response: Response;
    try {
      response = await fetchFn(`${base}${path}`, { ...init, cache: 'no-store', headers: { 'Accept-Language': 'uk', ...init.headers } });
    } catch {
      throw new FieldApiError(0, 'network', words.noConnection);
    }
    if (!response.ok) throw await refusal(response);
    try {
      return (await response.json()) as T;
    } catch {
      throw new FieldApiError(response.status, 'badAnswer', words.badAnswer);
    }
  };
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  return {
    pair: (request) =>
      call('/field/pair', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) }),
    plan: (token) => call('/field/plan', { method: 'GET', headers: bearer(token) }),
    sendResults: (token, results) =>
      call('/field/results', {
        method: 'POST',
        headers: { ...bearer(token), 'Content-Type': 'application/json' },
        body: JSON.stringify({ results }),
      }),
    sendPhoto: (token, photo) =>
      call(`/field/photos/${encodeURIComponent(photo.clientId)}`, {
        method: 'PUT',
        headers: { ...bearer(token), 'Content-Type': 'image/jpeg', 'X-Position-Id': String(photo.positionId), 'X-Taken-At': photo.takenAt },
        body: photo.blob,
      }),
    signOut: (token) => call('/field/sign-out', { method: 'POST', headers: bearer(token) }),
  };
}
