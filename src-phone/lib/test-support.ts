import type { LocalPhoto, LocalResult, PhoneResult } from './store';

/** A fetch that answers from a handler and keeps every request it was given, for the outbox's tests. */
export function fakeFetch(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; method: string; headers: Record<string, string>; body: RequestInit['body'] }[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    calls.push({ url, method: init.method ?? 'GET', headers: { ...(init.headers as Record<string, string>) }, body: init.body });
    return answer(url, init);
  };
  return { fetch, calls };
}

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
export const refusal = (status: number, code: string, message: string) => json(status, { error: { code, message } });

/** The workstation's side as the contract describes it: every result and photo taken in as `new`. */
export function workstation(url: string, init: RequestInit): Response {
  if (url.startsWith('/field/photos/'))
    return json(200, { photoId: decodeURIComponent(url.slice('/field/photos/'.length)), status: 'new' });
  if (url === '/field/results') {
    const { results } = JSON.parse(init.body as string) as { results: { clientId: string }[] };
    return json(200, { results: results.map((r) => ({ clientId: r.clientId, status: 'new' })) });
  }
  return json(404, { error: { code: 'notFound', message: 'Немає такого' } });
}

let counter = 0;
export const id = (prefix: string) => `${prefix}-${String(++counter).padStart(6, '0')}`;

export function unsentResult(positionId: number, change: Partial<PhoneResult> = {}): LocalResult {
  return {
    result: {
      clientId: id('result'),
      positionId,
      value: 1234,
      reasonCode: null,
      confirmed: [],
      problems: [],
      note: '',
      findings: null,
      takenAt: '2026-03-04T09:15:00.000+02:00',
      location: null,
      photoId: null,
      ...change,
    },
    savedAt: new Date(Date.UTC(2026, 2, 4, 7, 15, counter)).toISOString(),
    sent: null,
  };
}

export function unsentPhoto(positionId: number): LocalPhoto {
  return {
    clientId: id('photo'),
    positionId,
    takenAt: '2026-03-04T09:14:00.000+02:00',
    blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], { type: 'image/jpeg' }),
    sent: null,
    error: null,
  };
}
