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

describe('audit by construction', () => {
  const meta = () => ({ version: '', branchName: '', counts: { accounts: 0, points: 0, routes: 0 } });

  it('refuses to start with a write channel that does not say how it is audited', () => {
    const district = testDistrict();
    expect(() => createRegistry([{ 'sections.save': () => district.call('sections.list', {})[0] }])).toThrow(
      'Write channel without an audit description: sections.save',
    );
  });

  it('refuses to start with a read channel dressed as a write', () => {
    expect(() => createRegistry([{ 'meta.info': { audit: { entity: 'meta' }, run: meta } }])).toThrow(
      'Read channel with an audit description: meta.info',
    );
  });

  it('keeps a refused write out of the audit log and the refusal code in the log file', () => {
    const refused: string[] = [];
    const district = testDistrict({ refused: (channel, code) => refused.push(`${channel} ${code}`) });
    expect(district.refusal('routes.save', { number: 0, name: 'X', sectionId: null, executorId: null }).code).toBe('route.numberInvalid');
    expect(district.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
    expect(refused).toEqual(['routes.save route.numberInvalid']);
  });

  it('runs a read without a transaction and writes no entry for it', () => {
    const district = testDistrict();
    district.call('routes.list', {});
    expect(district.db.inTransaction).toBe(false);
    expect(district.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
  });
});
