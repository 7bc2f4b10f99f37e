import { describe, expect, it } from 'vitest';
import { testDistrict } from '../../../tests/support/test-district';

describe('disconnection settings', () => {
  it('start at the defaults of the law and the manual', () => {
    const settings = new Map(
      testDistrict()
        .call('settings.list', {})
        .map((s) => [s.key, s.value]),
    );
    expect(Object.fromEntries([...settings].filter(([key]) => /^(disconnection|calendar)\.|mailReceived/.test(key)))).toEqual({
      'disconnection.notice.electricity.days': '10',
      'disconnection.notice.electricity.unit': 'working',
      'disconnection.notice.gas.days': '3',
      'disconnection.notice.gas.unit': 'calendar',
      'disconnection.reconnect.electricity.town.days': '3',
      'disconnection.reconnect.electricity.town.unit': 'working',
      'disconnection.reconnect.electricity.village.days': '5',
      'disconnection.reconnect.electricity.village.unit': 'working',
      'disconnection.reconnect.gas.town.days': '2',
      'disconnection.reconnect.gas.town.unit': 'working',
      'disconnection.reconnect.gas.village.days': '5',
      'disconnection.reconnect.gas.village.unit': 'calendar',
      'warnings.mailReceivedDays': '3',
      'calendar.holidaysOff': '1',
    });
  });

  it('take a unit from its list only, each change in the audit log', () => {
    const d = testDistrict();
    expect(d.refusal('settings.save', { key: 'disconnection.notice.gas.unit', value: 'робочих' })).toMatchObject({
      code: 'setting.notAChoice',
      field: 'value',
      message: 'Виберіть одне зі значень списку.',
    });
    expect(d.refusal('settings.save', { key: 'calendar.holidaysOff', value: '2' }).code).toBe('setting.outOfRange');
    d.call('settings.save', { key: 'disconnection.notice.gas.unit', value: 'working' });
    const [entry] = d.call('audit.list', { entity: 'setting' }).rows;
    expect(entry).toMatchObject({
      action: 'change',
      oldValue: '{"disconnection.notice.gas.unit":"calendar"}',
      newValue: '{"disconnection.notice.gas.unit":"working"}',
    });
  });
});
