import { describe, expect, it } from 'vitest';
import { createRegistry } from './registry';
import { testDistrict } from '../../tests/support/test-district';

describe('handler registry', () => {
  it('refuses to start with a channel registered twice', () => {
    const handler = () => ({ version: '', branchName: '', counts: { accounts: 0, points: 0, routes: 0 } });
    expect(() => createRegistry([{ 'meta.info': handler }, { 'meta.info': handler }])).toThrow(/registered twice: meta.info/);
  });

  it('refuses to start with a contract channel left unserved', () => {
    expect(() => createRegistry([])).toThrow(/without a handler: .*routes.list/);
  });

  it('refuses to start with a handler the contract does not know', () => {
    expect(() => createRegistry([{ 'nobody.asked': () => 1 } as never])).toThrow(/does not know: nobody.asked/);
  });

  it('answers an unknown channel with a coded error in the user language', () => {
    const t = testDistrict();
    expect(t.core.dispatch('routes.drop', {}, 'uk')).toEqual({
      ok: false,
      error: { code: 'request.unknownChannel', message: 'Невідомий запит «routes.drop».' },
    });
    expect(t.core.dispatch('__proto__', {}, 'en')).toMatchObject({ ok: false, error: { code: 'request.unknownChannel' } });
  });

  it('validates the request before any handler runs', () => {
    const t = testDistrict();
    const answer = t.core.dispatch('routes.save', { number: '7; DROP TABLE routes', name: 5 }, 'en');
    expect(answer).toMatchObject({ ok: false, error: { code: 'request.invalid', field: 'number' } });
    expect(t.db.prepare('SELECT count(*) AS n FROM routes').get()).toEqual({ n: 0 });
  });

  it('falls back to Ukrainian for an unknown locale', () => {
    const t = testDistrict();
    expect(t.core.dispatch('routes.get', { id: 404 }, 'xx')).toMatchObject({
      ok: false,
      error: { message: 'Маршрут не знайдено (можливо, його видалено).' },
    });
  });

  it('turns an unexpected failure into an internal error, never a thrown exception', () => {
    const t = testDistrict();
    t.db.exec('DROP TABLE payments');
    const answer = t.core.dispatch('accounts.card', { accountId: 1 }, 'uk');
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
