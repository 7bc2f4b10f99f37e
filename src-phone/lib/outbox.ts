import { FieldApiError, type FieldApi } from './api';
import { asFieldResult, type LocalPhoto, type LocalResult, type PhoneStore } from './store';

/** The contract takes at most 200 results a request (fieldResultsRequest). */
export const resultsPerBatch = 200;

export interface SendReport {
  photos: number;
  results: number;
  /** The last refusal or failure, in words for the controller; null when everything ready went. */
  error: string | null;
  /** No session, or the workstation no longer knows this phone's token (its session is forgotten): pair again; nothing else stored is lost. */
  unauthorized: boolean;
}

const failure = (caught: unknown): FieldApiError =>
  caught instanceof FieldApiError ? caught : new FieldApiError(0, 'phone', caught instanceof Error ? caught.message : String(caught));

/** A result waits for its photo: the office should never get a reading whose photo is still on the phone. */
function ready(result: LocalResult, photos: Map<string, LocalPhoto>): boolean {
  if (result.sent !== null) return false;
  if (result.result.photoId === null) return true;
  const photo = photos.get(result.result.photoId);
  // A photo the phone no longer has went before it was forgotten (forgetSent drops only sent ones).
  return photo === undefined || photo.sent !== null;
}

/**
 * Sends what is stored and unsent: photos first (PUT, one each), then the results whose photos are
 * there, in batches of at most 200. Each is marked sent only on a 2xx answer naming it, so an
 * interrupted send resends it, and the workstation's answer for a resent one is `duplicate`.
 * - 401 stops everything and forgets the session: pairing again is the only way on. Results,
 *   photos and the plan stay, and go with the next session's token.
 * - No connection, 429 or a server failure stop too: the rest would fail the same way.
 * - A photo refused for itself (too large, not an image) is left with its error; the others go on,
 *   and its result stays on the phone.
 * - A result refused for itself (its position handed to another controller) is kept with the
 *   workstation's words and not sent again unless the controller changes it; the others go on.
 */
export async function sendAll(store: PhoneStore, api: FieldApi, now: () => Date = () => new Date()): Promise<SendReport> {
  const report: SendReport = { photos: 0, results: 0, error: null, unauthorized: false };
  const session = await store.session();
  if (!session) return { ...report, unauthorized: true };
  const { token } = session;
  const stop = async (error: FieldApiError) => {
    report.error = error.message;
    report.unauthorized = error.unauthorized;
    if (error.unauthorized) await store.setSession(null);
    return report;
  };
  const results = await store.results();
  const photos = new Map((await store.photos()).map((photo) => [photo.clientId, photo]));
  const needed = new Set(results.filter((r) => r.sent === null && r.result.photoId !== null).map((r) => r.result.photoId!));

  for (const photo of photos.values()) {
    if (photo.sent !== null || !needed.has(photo.clientId)) continue;
    try {
      const answer = await api.sendPhoto(token, photo);
      photo.sent = { at: now().toISOString(), status: answer.status };
      photo.error = null;
      await store.markPhoto(photo.clientId, { sent: photo.sent, error: null });
      report.photos += 1;
    } catch (caught) {
      const error = failure(caught);
      if (error.unauthorized || error.transient) return stop(error);
      await store.markPhoto(photo.clientId, { sent: null, error: error.message });
      report.error = error.message;
    }
  }

  const waiting = results.filter((result) => ready(result, photos));
  for (let start = 0; start < waiting.length; start += resultsPerBatch) {
    const batch = waiting.slice(start, start + resultsPerBatch);
    try {
      const answer = await api.sendResults(
        token,
        batch.map((r) => asFieldResult(r.result)),
      );
      const asked = new Set(batch.map((r) => r.result.clientId));
      // Only results this batch carried, named in the answer: anything else is not proof of delivery.
      const delivered = answer.results.filter((r) => asked.has(r.clientId));
      await store.markResultsSent(delivered, now().toISOString());
      const refused = delivered.filter((r) => r.status === 'refused');
      report.results += delivered.length - refused.length;
      if (refused[0]?.error) report.error = refused[0].error.message;
    } catch (caught) {
      return stop(failure(caught));
    }
  }
  return report;
}

/**
 * One send at a time: the minute's timer, the `online` event and «Надіслати» may all ask at once;
 * a request while one is under way gets that one's report instead of a second copy of the work.
 */
export function createOutbox(store: PhoneStore, api: FieldApi, now?: () => Date) {
  let running: Promise<SendReport> | null = null;
  return {
    send: (): Promise<SendReport> => {
      running ??= sendAll(store, api, now).finally(() => {
        running = null;
      });
      return running;
    },
  };
}
export type Outbox = ReturnType<typeof createOutbox>;

/** What the status line counts. */
export function outboxCounts(results: LocalResult[], photos: Pick<LocalPhoto, 'clientId' | 'sent'>[]) {
  const unsent = results.filter((r) => r.sent === null);
  const refused = results.filter((r) => r.sent?.status === 'refused').length;
  const needed = new Set(unsent.map((r) => r.result.photoId).filter((id): id is string => id !== null));
  return {
    unsent: unsent.length,
    sent: results.length - unsent.length - refused,
    refused,
    photosWaiting: photos.filter((p) => p.sent === null && needed.has(p.clientId)).length,
  };
}
