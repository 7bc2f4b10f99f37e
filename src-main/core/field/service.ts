import type { FieldPaired, FieldPhotoAnswer, FieldPlan, FieldResultsAnswer, FieldSignedOut } from '../../../shared/contract/field';
import type { FieldSessionRow } from '../../../shared/contract/field-service';
import type { Locale } from '../../../shared/i18n/locales';

/** A phone's session, once its bearer token is known. */
export interface FieldCaller {
  sessionId: number;
  userId: number;
  login: string;
  fullName: string;
  /** The employee the controller's user stands for: their tasks are the ones they see. */
  employeeId: number;
}

/** What the listener sends back: a value, or a refusal with its HTTP status and words in the phone's language. */
export type FieldAnswer<T> =
  { ok: true; value: T } | { ok: false; status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429; error: { code: string; message: string } };

/**
 * The field service's work on the database, for the listener (hosts/field) to call: the listener
 * does TLS, size caps, rate limits and routing; these do validation, access and the writes, each
 * write one transaction with its audit entry in the controller's name.
 */
export interface FieldService {
  /** A pairing code and the controller's own login and password → a session token. */
  pair: (body: unknown, locale: Locale) => FieldAnswer<FieldPaired>;
  /** The session of a bearer token, or null (unknown, revoked, or its user no longer an active controller); touches its last-seen time. */
  authenticate: (token: string) => FieldCaller | null;
  plan: (caller: FieldCaller, locale: Locale) => FieldAnswer<FieldPlan>;
  results: (caller: FieldCaller, body: unknown, locale: Locale) => FieldAnswer<FieldResultsAnswer>;
  /** `meta` is `{ positionId, takenAt }` from the request's headers; `bytes` the image as sent. */
  photo: (caller: FieldCaller, photoId: string, meta: unknown, bytes: Buffer, locale: Locale) => FieldAnswer<FieldPhotoAnswer>;
  /** «Вийти» on the phone: the caller's own session ends, as if the administrator had revoked it. */
  signOut: (caller: FieldCaller) => FieldAnswer<FieldSignedOut>;
}

/** What the administrator does from Сервіс → Телефони контролерів; the host audits each write. */
export interface FieldAdmin {
  /** A new six-digit code, valid fieldPairingMinutes; earlier unused codes stay valid until they expire. */
  createPairing: (byLogin: string) => { code: string; expiresAt: string };
  sessions: () => FieldSessionRow[];
  /** Ends a session: its token is refused from the next request. */
  revoke: (sessionId: number, byLogin: string) => void;
}
