import { settingKeys, settingRules, type settingsChannels } from '../../../shared/contract/settings';
import { formatMoney } from '../../../shared/i18n/format';
import type { Db } from '../../db/open';
import { DomainError } from '../errors';
import type { Handlers } from '../registry';

/** Сервіс / Налаштування: each change checked against its bounds and kept in the audit log. */
export function settingsHandlers(db: Db): Handlers<keyof typeof settingsChannels> {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  return {
    'settings.list': () => settingKeys.map((key) => ({ key, value: get.get(key)?.value ?? '' })),
    'settings.save': {
      audit: {
        entity: 'setting',
        action: 'change',
        id: () => null,
        before: ({ key }) => ({ [key]: get.get(key)?.value ?? null }),
        after: ({ key }, saved) => ({ [key]: saved.value }),
      },
      run: ({ key, value }, { locale }) => {
        const rule = settingRules[key];
        if (rule.kind === 'choice') {
          if (!(rule.options as readonly string[]).includes(value)) {
            throw new DomainError('setting.notAChoice', { options: rule.options.join(', ') }, 'value');
          }
        } else if (rule.kind !== 'text') {
          const number = Number(value);
          if (!Number.isInteger(number) || number < rule.min || number > rule.max) {
            throw rule.kind === 'money'
              ? new DomainError(
                  'setting.moneyOutOfRange',
                  { min: formatMoney(rule.min, locale), max: formatMoney(rule.max, locale) },
                  'value',
                )
              : new DomainError('setting.outOfRange', { min: rule.min, max: rule.max }, 'value');
          }
        }
        put.run(key, value);
        return { key, value };
      },
    },
  };
}
