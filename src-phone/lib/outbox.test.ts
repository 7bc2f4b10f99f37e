import { beforeEach, describe, expect, it } from 'vitest';
import { fieldPhotoMeta, fieldResultsRequest } from '../../shared/contract/field';
import { createFieldApi } from './api';
import { createMemoryStore } from './memory-store';
import { createOutbox, outboxCounts, sendAll } from './outbox';
import { fakeFetch, json, refusal, unsentPhoto, unsentResult, workstation } from './test-support';

const session = {
  token: 'token-of-the-phone',
  user: { login: 'petrenko', fullName: 'Петренко П. П.' },
  pairedAt: '2026-03-04T07:00:00.000Z',
};

async function phoneWith(count: number, photoFor: number[] = []) {
  const store = createMemoryStore();
  await store.setSession(session);
  for (let i = 1; i <= count; i += 1) {
    const photo = photoFor.includes(i) ? unsentPhoto(i) : null;
    await store.saveResult(unsentResult(i, { photoId: photo?.clientId ?? null }), photo, []);
  }
  return store;
}

describe('the outbox', () => {
  let store: Awaited<ReturnType<typeof phoneWith>>;
  beforeEach(async () => {
    store = await phoneWith(3, [2]);
  });

  it('sends the photo first, then the results in one batch; the second send sends nothing', async () => {
    const { fetch, calls } = fakeFetch(workstation);
    const api = createFieldApi(fetch);

    const first = await sendAll(store, api);
    expect(first).toEqual({ photos: 1, results: 3, error: null, unauthorized: false });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `PUT /field/photos/${store.dump().photos[0]!.clientId}`,
      'POST /field/results',
    ]);
    const photoCall = calls[0]!;
    expect(photoCall.headers).toMatchObject({
      Authorization: 'Bearer token-of-the-phone',
      'Content-Type': 'image/jpeg',
      'X-Position-Id': '2',
      'X-Taken-At': '2026-03-04T09:14:00.000+02:00',
    });
    expect(photoCall.body).toBeInstanceOf(Blob);
    // What went is what the workstation's contract takes.
    expect(fieldPhotoMeta.parse({ positionId: photoCall.headers['X-Position-Id'], takenAt: photoCall.headers['X-Taken-At'] })).toBeTruthy();
    const sentResults = fieldResultsRequest.parse(JSON.parse(calls[1]!.body as string)).results;
    expect(sentResults).toHaveLength(3);
    expect(sentResults.find((r) => r.photoId !== null)?.photoId).toBe(store.dump().photos[0]!.clientId);
    expect(store.dump().results.every((r) => r.sent?.status === 'new')).toBe(true);
    expect(outboxCounts(store.dump().results, store.dump().photos)).toEqual({ unsent: 0, sent: 3, refused: 0, photosWaiting: 0 });

    const second = await sendAll(store, api);
    expect(second).toEqual({ photos: 0, results: 0, error: null, unauthorized: false });
    expect(calls).toHaveLength(2);
  });

  it('sends more than 200 results in batches of at most 200', async () => {
    const many = await phoneWith(450);
    const { fetch, calls } = fakeFetch(workstation);
    const report = await sendAll(many, createFieldApi(fetch));
    expect(report.results).toBe(450);
    expect(calls.map((c) => (JSON.parse(c.body as string) as { results: unknown[] }).results.length)).toEqual([200, 200, 50]);
  });

  it('keeps a refused result with the workstation’s words, counts it apart and does not send it again', async () => {
    const ids = store.dump().results.map((r) => r.result.clientId);
    const why = 'Позиція 3 не з ваших завдань. Завантажте план знову.';
    const { fetch, calls } = fakeFetch((url, init) => {
      if (url !== '/field/results') return workstation(url, init);
      const { results } = JSON.parse(init.body as string) as { results: { clientId: string }[] };
      return json(200, {
        results: results.map((r) =>
          r.clientId === ids[2]
            ? { clientId: r.clientId, status: 'refused', error: { code: 'field.notYourPosition', message: why } }
            : { clientId: r.clientId, status: 'new' },
        ),
      });
    });
    const api = createFieldApi(fetch);
    expect(await sendAll(store, api)).toEqual({ photos: 1, results: 2, error: why, unauthorized: false });
    const refused = store.dump().results.find((r) => r.result.clientId === ids[2])!;
    expect(refused.sent).toMatchObject({ status: 'refused', error: why });
    expect(outboxCounts(store.dump().results, store.dump().photos)).toEqual({ unsent: 0, sent: 2, refused: 1, photosWaiting: 0 });
    const before = calls.length;
    expect(await sendAll(store, api)).toEqual({ photos: 0, results: 0, error: null, unauthorized: false });
    expect(calls).toHaveLength(before);
  });

  it('counts duplicate and beside as delivered, and only the results the answer names', async () => {
    const ids = store.dump().results.map((r) => r.result.clientId);
    const { fetch } = fakeFetch((url, init) => {
      if (url !== '/field/results') return workstation(url, init);
      // The workstation answers for two of the three: the third is not proof of anything.
      return json(200, {
        results: [
          { clientId: ids[0], status: 'duplicate' },
          { clientId: ids[1], status: 'beside' },
        ],
      });
    });
    const report = await sendAll(store, createFieldApi(fetch));
    expect(report.results).toBe(2);
    const byId = new Map(store.dump().results.map((r) => [r.result.clientId, r.sent?.status ?? null]));
    expect([byId.get(ids[0]!), byId.get(ids[1]!), byId.get(ids[2]!)]).toEqual(['duplicate', 'beside', null]);
  });

  it('keeps a result unsent when its photo fails, and sends the others', async () => {
    const { fetch, calls } = fakeFetch((url, init) =>
      url.startsWith('/field/photos/') ? refusal(415, 'field.notAnImage', 'Це не фото у форматі JPEG.') : workstation(url, init),
    );
    const report = await sendAll(store, createFieldApi(fetch));
    expect(report).toEqual({ photos: 0, results: 2, error: 'Це не фото у форматі JPEG.', unauthorized: false });
    const sentIds = (JSON.parse(calls[1]!.body as string) as { results: { positionId: number }[] }).results.map((r) => r.positionId);
    expect(sentIds).toEqual([1, 3]);
    const withPhoto = store.dump().results.find((r) => r.result.positionId === 2)!;
    expect(withPhoto.sent).toBeNull();
    expect(store.dump().photos[0]).toMatchObject({ sent: null, error: 'Це не фото у форматі JPEG.' });
    expect(outboxCounts(store.dump().results, store.dump().photos)).toEqual({ unsent: 1, sent: 2, refused: 0, photosWaiting: 1 });
  });

  it('sends nothing more when the photo cannot go for want of a connection', async () => {
    const { fetch, calls } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const report = await sendAll(store, createFieldApi(fetch));
    expect(report.photos + report.results).toBe(0);
    expect(report.error).toMatch(/Немає звʼязку/);
    expect(calls).toHaveLength(1);
    expect(store.dump().results.every((r) => r.sent === null)).toBe(true);
  });

  it("shows the workstation's own message for an oversized photo (413)", async () => {
    const message = 'Фото завелике: не більше 350 КБ.';
    const { fetch } = fakeFetch((url, init) =>
      url.startsWith('/field/photos/') ? refusal(413, 'field.photoTooLarge', message) : workstation(url, init),
    );
    const report = await sendAll(store, createFieldApi(fetch));
    expect(report.error).toBe(message);
    expect(store.dump().photos[0]!.error).toBe(message);
  });

  it('stops at a 401, forgets the session and keeps every result to send after pairing again', async () => {
    const { fetch, calls } = fakeFetch(() => refusal(401, 'field.unauthorized', 'Сеанс телефону скасовано.'));
    const report = await sendAll(store, createFieldApi(fetch));
    expect(report).toEqual({ photos: 0, results: 0, error: 'Сеанс телефону скасовано.', unauthorized: true });
    expect(calls).toHaveLength(1);
    expect(await store.session()).toBeNull();
    expect(store.dump().results).toHaveLength(3);
    expect(store.dump().results.every((r) => r.sent === null)).toBe(true);

    // Without a session nothing is even tried.
    const again = await sendAll(store, createFieldApi(fetch));
    expect(again.unauthorized).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it('stops at a 401 on the results as well, with the photo already delivered', async () => {
    const { fetch } = fakeFetch((url, init) =>
      url === '/field/results' ? refusal(401, 'field.unauthorized', 'Сеанс завершено.') : workstation(url, init),
    );
    const report = await sendAll(store, createFieldApi(fetch));
    expect(report).toMatchObject({ photos: 1, results: 0, unauthorized: true });
    expect(store.dump().photos[0]!.sent).not.toBeNull();
    expect(store.dump().results.every((r) => r.sent === null)).toBe(true);
  });

  it('runs one send at a time: two asked at once make one set of requests', async () => {
    const { fetch, calls } = fakeFetch(workstation);
    const outbox = createOutbox(store, createFieldApi(fetch));
    const [a, b] = await Promise.all([outbox.send(), outbox.send()]);
    expect(a).toBe(b);
    expect(calls).toHaveLength(2);
    expect((await outbox.send()).results).toBe(0);
    expect(calls).toHaveLength(2);
  });
});
