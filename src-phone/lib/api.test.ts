import { describe, expect, it } from 'vitest';
import { createFieldApi, FieldApiError } from './api';
import { pairingCodeFromHash } from './pairing';
import { fakeFetch, json, refusal } from './test-support';

describe('the field API as the phone calls it', () => {
  it('pairs with a JSON body and no token, asking for Ukrainian', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { token: 't', user: { login: 'petrenko', fullName: 'Петренко П. П.' } }));
    const paired = await createFieldApi(fetch).pair({ code: '123456', login: 'petrenko', password: 'secret', device: 'Android 14' });
    expect(paired.token).toBe('t');
    expect(calls[0]).toMatchObject({
      url: '/field/pair',
      method: 'POST',
      headers: { 'Accept-Language': 'uk', 'Content-Type': 'application/json' },
    });
    expect(calls[0]!.headers.Authorization).toBeUndefined();
    expect(JSON.parse(calls[0]!.body as string)).toEqual({ code: '123456', login: 'petrenko', password: 'secret', device: 'Android 14' });
  });

  it("gives the workstation's refusal message, and its own words when the answer is not one", async () => {
    const refused = createFieldApi(fakeFetch(() => refusal(400, 'field.pairingExpired', 'Код підʼєднання застарів.')).fetch);
    await expect(refused.pair({ code: '123456', login: 'ab', password: 'x' })).rejects.toMatchObject({
      status: 400,
      code: 'field.pairingExpired',
      message: 'Код підʼєднання застарів.',
    });
    const proxy = createFieldApi(fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 })).fetch);
    const error = await proxy.plan('t').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FieldApiError);
    expect(error).toMatchObject({ status: 502, message: 'Робоче місце відповіло помилкою (502). Спробуйте пізніше.', transient: true });
  });

  it('signs out on the workstation with the token, by POST', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { sessionId: 7 }));
    expect(await createFieldApi(fetch).signOut('token-1')).toEqual({ sessionId: 7 });
    expect(calls[0]).toMatchObject({ url: '/field/sign-out', method: 'POST', headers: { Authorization: 'Bearer token-1' } });
  });

  it('reads the pairing code from the address the QR code opened', () => {
    expect(pairingCodeFromHash('#pair=042917')).toBe('042917');
    expect(pairingCodeFromHash('#x=1&pair=042917')).toBe('042917');
    expect(pairingCodeFromHash('#pair=04291')).toBe('');
    expect(pairingCodeFromHash('')).toBe('');
  });
});
