import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { asLocale, format, type Locale } from '../../shared/i18n/locales';
import { en } from './en';
import { uk, type MessageKey } from './uk';

const catalogs: Record<Locale, Record<MessageKey, string>> = { uk, en };
const storageKey = 'obhid.locale';

export type Translate = (key: MessageKey, params?: Record<string, unknown>) => string;

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** Numbers and money as the locale writes them (1 234,56 in Ukrainian). */
  number: (value: number, fractionDigits?: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => asLocale(localStorage.getItem(storageKey)));
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(storageKey, next);
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const numberFormats = new Map<number, Intl.NumberFormat>();
    return {
      locale,
      setLocale,
      t: (key, params) => format(catalogs[locale][key], params),
      number: (value, fractionDigits = 0) => {
        let formatter = numberFormats.get(fractionDigits);
        if (!formatter) {
          formatter = new Intl.NumberFormat(locale === 'uk' ? 'uk-UA' : 'en-GB', {
            minimumFractionDigits: fractionDigits,
            maximumFractionDigits: fractionDigits,
          });
          numberFormats.set(fractionDigits, formatter);
        }
        return formatter.format(value);
      },
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
