import type { ReadingCheck } from '../contract/validation';
import { conditionWords, type MeterCondition } from '../contract/visit';
import type { Locale } from './locales';

/** Why a reading was stopped, as the entry dialog and the correction queue say it. */

const conditionEnglish: Record<MeterCondition, string> = {
  ok: 'in order',
  damaged: 'damaged',
  sealBroken: 'with its seal broken',
  glassBroken: 'with its glass broken',
  notWorking: 'not working',
};

const numberFormats = new Map<Locale, Intl.NumberFormat>();
/** 4.2 → «4,2» (uk) or "4.2" (en); whole numbers without a fraction, thousands grouped with a space in Ukrainian. */
function formatFigure(value: number, locale: Locale): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'uk' ? 'uk-UA' : 'en-GB', { maximumFractionDigits: 1 });
    numberFormats.set(locale, format);
  }
  const text = format.format(value);
  return locale === 'uk' ? text.replace(/[\u00a0\u202f]/g, ' ') : text;
}

/** Ukrainian plural of a count: one (1, 21 …), few (2–4, 22–24 …), many; a fraction its own form (4,2 раза). */
function ukPlural(value: number, one: string, few: string, many: string, fraction: string): string {
  if (!Number.isInteger(value)) return fraction;
  const tens = value % 100;
  const units = value % 10;
  if (units === 1 && tens !== 11) return one;
  if (units >= 2 && units <= 4 && (tens < 12 || tens > 14)) return few;
  return many;
}

/** «у 4,2 раза», «у 2 рази», «у 5 разів». */
const ukTimes = (ratio: number) => `у ${formatFigure(ratio, 'uk')} ${ukPlural(ratio, 'раз', 'рази', 'разів', 'раза')}`;
const ukDays = (days: number) => `${formatFigure(days, 'uk')} ${ukPlural(days, 'день', 'дні', 'днів', 'дня')}`;

/** The sentence for one check; with a unit («м³», "kWh") the amounts of consumption carry it, meter readings do not. */
export function readingCheckSentence(check: ReadingCheck, locale: Locale, unit?: string): string {
  const n = (value: number) => formatFigure(value, locale);
  const a = (value: number) => (unit ? `${n(value)} ${unit}` : n(value));
  const uk = locale === 'uk';
  switch (check.code) {
    case 'tooHigh':
      return uk
        ? `Споживання ${a(check.consumption)} — ${ukTimes(check.ratio)} більше звичайного для цієї точки (очікувалося близько ${a(check.expected)}).`
        : `Consumption ${a(check.consumption)} is ${n(check.ratio)} times the usual for this point (about ${a(check.expected)} expected).`;
    case 'tooLow':
      if (check.ratio === null) {
        return uk
          ? `Споживання 0 — значно менше звичайного для цієї точки (очікувалося близько ${a(check.expected)}).`
          : `Consumption 0 is far below the usual for this point (about ${a(check.expected)} expected).`;
      }
      return uk
        ? `Споживання ${a(check.consumption)} — ${ukTimes(check.ratio)} менше звичайного для цієї точки (очікувалося близько ${a(check.expected)}).`
        : `Consumption ${a(check.consumption)} is ${n(check.ratio)} times below the usual for this point (about ${a(check.expected)} expected).`;
    case 'zero':
      return uk
        ? `Нульове споживання за ${ukDays(check.days)} на підключеній точці (допускається до ${ukDays(check.zeroDays)}).`
        : `No consumption in ${n(check.days)} days on a connected point (up to ${n(check.zeroDays)} days are expected).`;
    case 'afterDisconnection':
      return uk
        ? `Споживання ${a(check.consumption)} на відключеній точці.`
        : `Consumption ${a(check.consumption)} on a disconnected point.`;
    case 'belowPrevious':
      return uk
        ? `Показник ${n(check.value)} менший за попередній контрольний (${n(check.previous)}).`
        : `Reading ${n(check.value)} is lower than the previous control reading (${n(check.previous)}).`;
    case 'rollover':
      return uk
        ? `Лічильник перейшов через нуль (${n(check.previous)} → ${n(check.value)}): споживання ${a(check.consumption)}.`
        : `The meter wrapped past zero (${n(check.previous)} → ${n(check.value)}): consumption ${a(check.consumption)}.`;
    case 'overMaximum':
      return uk
        ? `Споживання ${a(check.consumption)} більше допустимого ${a(check.allowed)} (макс. ${a(check.max)} на місяць, ${ukDays(check.days)}).`
        : `Consumption ${a(check.consumption)} is above the allowed ${a(check.allowed)} (max. ${a(check.max)} a month, ${n(check.days)} days).`;
    case 'meterCondition':
      return uk
        ? `Лічильник знайдено в стані «${conditionWords[check.condition]}» — показник потребує перевірки.`
        : `The meter was found ${conditionEnglish[check.condition]} — the reading needs checking.`;
    case 'phoneResult': {
      const said = (value: number | null, reason: { uk: string; en: string } | null) =>
        value !== null ? n(value) : `«${reason?.[locale] ?? '—'}»`;
      return uk
        ? `З телефону ${check.controller} надіслав ${said(check.phoneValue, check.phoneReason)}, а в конторі внесено ${said(check.officeValue, check.officeReason)}.`
        : `${check.controller} sent ${said(check.phoneValue, check.phoneReason)} from the phone; the office entered ${said(check.officeValue, check.officeReason)}.`;
    }
  }
}
