import type { z } from 'zod';
import { clientId, fieldPairRequest, fieldPhotoMeta, fieldResultsRequest } from '../../../shared/contract/field';
import { errorMessage, type ErrorCode } from '../../../shared/i18n/errors';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db } from '../../db/open';
import type { EntryStore } from '../entry/entry-store';
import { DomainError } from '../errors';
import { fieldPairing } from './pairing';
import type { FieldPhotos } from './photos';
import { fieldPlan } from './plan';
import { fieldResults } from './results';
import type { FieldAdmin, FieldAnswer, FieldService } from './service';

export interface FieldOptions {
  today: () => string;
  /** The core's entry store: what a phone is sent to judge by is what entry judges by. */
  store: EntryStore;
  /** Photos from phones, kept as files beside the database. */
  photos: FieldPhotos;
  now?: () => number;
}

type Refusal = Extract<FieldAnswer<never>, { ok: false }>;
/** The HTTP status a refusal goes back with; anything not named is a request the phone got wrong. */
const statusOf: Partial<Record<ErrorCode, Refusal['status']>> = {
  'field.badCredentials': 401,
  'field.pairingCodeInvalid': 403,
  'field.notYourPosition': 403,
  'field.clientIdReused': 409,
  'photo.tooLarge': 413,
  'photo.notImage': 415,
};

/** The field service's side of the core: pairing and sessions, the controller's plan, results and photos in. */
export function fieldServices(db: Db, options: FieldOptions): FieldService & FieldAdmin {
  const now = options.now ?? Date.now;
  const pairing = fieldPairing(db, now);
  const { store, photos } = options;
  const plan = fieldPlan(db, store, options.today);
  const results = fieldResults(db, options.today);

  const refuse = (code: ErrorCode, locale: Locale, params?: Record<string, unknown>): Refusal => ({
    ok: false,
    status: statusOf[code] ?? 400,
    error: { code, message: errorMessage(code, locale, params) },
  });
  /** Validates, then runs the work in one transaction: a refusal writes nothing. */
  const answer = <S extends z.ZodType, T>(schema: S, body: unknown, locale: Locale, work: (input: z.output<S>) => T): FieldAnswer<T> => {
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '—'))].slice(0, 5).join(', ');
      return refuse('request.invalid', locale, { fields });
    }
    try {
      return { ok: true, value: db.transaction(() => work(parsed.data))() };
    } catch (error) {
      if (error instanceof DomainError) return refuse(error.code, locale, error.params);
      throw error;
    }
  };

  return {
    pair: (body, locale) => answer(fieldPairRequest, body, locale, (request) => pairing.pair(request)),
    authenticate: (token) => pairing.authenticate(token),
    plan: (caller, locale) => ({ ok: true, value: db.transaction(() => plan(caller, locale))() }),
    results: (caller, body, locale) => answer(fieldResultsRequest, body, locale, (request) => results(caller, request, locale)),
    photo: (caller, photoId, meta, bytes, locale) => {
      if (!clientId.safeParse(photoId).success) return refuse('request.invalid', locale, { fields: 'photoId' });
      return answer(fieldPhotoMeta, meta, locale, (parsed) => photos.receive(caller, photoId, parsed, bytes));
    },
    signOut: (caller) => ({ ok: true, value: db.transaction(() => pairing.signOut(caller))() }),
    createPairing: (byLogin) => pairing.createPairing(byLogin),
    sessions: () => pairing.sessions(),
    revoke: (sessionId, byLogin) => pairing.revoke(sessionId, byLogin),
  };
}
