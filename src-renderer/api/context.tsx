import { createContext, useContext, useMemo, useRef, type ReactNode } from 'react';
import type { Locale } from '../../shared/i18n/locales';
import { createApi, type Api } from './client';
import { pickTransport } from './transport';

const ApiContext = createContext<Api | null>(null);

export function ApiProvider({ locale, onSessionLost, children }: { locale: Locale; onSessionLost: () => void; children: ReactNode }) {
  const localeRef = useRef(locale);
  localeRef.current = locale;
  const lostRef = useRef(onSessionLost);
  lostRef.current = onSessionLost;
  const api = useMemo(
    () =>
      createApi(
        pickTransport(),
        () => localeRef.current,
        () => lostRef.current(),
      ),
    [],
  );
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}
