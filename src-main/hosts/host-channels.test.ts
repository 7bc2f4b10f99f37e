import { describe, expect, it } from 'vitest';
import { contract, hostContract, type HostChannelName } from '../../shared/contract/index';
import { testDistrict } from '../../tests/support/test-district';
import { testLog } from '../../tests/support/test-log';
import { serveHostChannels, type HostEntries } from './host-channels';

/** Every host channel answered by a stand-in that says which one ran; the test swaps in the ones it looks at. */
function standIns(ran: string[]): HostEntries {
  const entries: Record<string, unknown> = {};
  for (const name of Object.keys(hostContract) as HostChannelName[]) {
    const run = () => {
      ran.push(name);
      return Promise.resolve(() => ({}));
    };
    entries[name] =
      contract[name].effect === 'read' ? () => (ran.push(name), Promise.resolve({})) : { audit: { entity: `test.${name}` }, run };
  }
  return entries as HostEntries;
}

describe('host channels', () => {
  const serve = (entries: HostEntries, district = testDistrict(), log = testLog()) => ({
    district,
    log,
    dispatch: serveHostChannels(entries, { log, current: () => district.core, withoutCore: () => null }),
  });

  it('validates host channels at the same boundary as the core, before anything runs', async () => {
    const ran: string[] = [];
    const { dispatch, log } = serve(standIns(ran));
    expect(await dispatch('print.sheetPdf', { taskId: 'one' }, 'uk')).toMatchObject({
      ok: false,
      error: { code: 'request.invalid', field: 'taskId' },
    });
    expect(ran).toEqual([]);
    expect(log.lines).toContain('refused print.sheetPdf: request.invalid');
  });

  it('passes core channels to the registry', async () => {
    const { dispatch } = serve(standIns([]));
    expect(await dispatch('sections.list', {}, 'uk')).toMatchObject({ ok: true, value: [{ name: 'Центр' }] });
  });

  it('records a host write in the audit log of the database open when it ends, with who made it', async () => {
    const entries = standIns([]);
    entries['backups.create'] = {
      audit: { entity: 'backup', id: () => null },
      run: ({ file }) => Promise.resolve(() => ({ file: file ?? 'x', createdAt: '2026-11-24T08:00:00.000Z', bytes: 42, reason: 'manual' })),
    };
    const { dispatch, district } = serve(entries);
    expect(await dispatch('backups.create', { file: '/tmp/copy.sqlite' }, 'uk')).toMatchObject({ ok: true, value: { bytes: 42 } });
    const [entry] = district.call('audit.list', { entity: 'backup' }).rows;
    expect(entry).toMatchObject({ channel: 'backups.create', login: 'admin', action: 'create' });
    expect(JSON.parse(entry!.newValue!)).toMatchObject({ file: '/tmp/copy.sqlite', bytes: 42 });
  });

  it('writes nothing to the log of changes when the write fails half-way', async () => {
    const entries = standIns([]);
    entries['backups.create'] = { audit: { entity: 'backup' }, run: () => Promise.reject(new Error('disk full')) };
    const { dispatch, district } = serve(entries);
    expect(await dispatch('backups.create', {}, 'uk')).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(district.call('audit.list', { entity: 'backup' }).total).toBe(0);
  });

  it('refuses to start with a host write that has no audit description', () => {
    const entries = standIns([]) as unknown as Record<string, unknown>;
    entries['import.run'] = () => Promise.resolve({});
    expect(() => serve(entries as unknown as HostEntries)).toThrow('Write channel without an audit description: import.run');
  });

  it('does not let the core answer a host channel', () => {
    const district = testDistrict();
    expect(district.core.dispatch('print.sheet', { taskId: 1 }, 'uk')).toMatchObject({
      ok: false,
      error: { code: 'request.unknownChannel' },
    });
  });
});
