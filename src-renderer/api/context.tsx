import { QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '../../shared/i18n/locales';
import { createApi, type Api } from './client';
import { createQueryClient, refreshAfterChange } from './query-client';
import { pickTransport, type Transport } from './transport';

const ApiContext = createContext<Api | null>(null);

// One transport for the page's life: browser mode takes its token from the URL only once.
let transport: Transport | undefined;
const sharedTransport = () => (transport ??= pickTransport());

/** `onSessionLost` must be stable (a state setter or useCallback): a new one makes a new client. */
export function ApiProvider({ locale, onSessionLost, children }: { locale: Locale; onSessionLost: () => void; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const api = useMemo(
    () =>
      createApi({
        transport: sharedTransport(),
        locale,
        onSessionLost,
        onChanged: (channel) => refreshAfterChange(queryClient, channel),
      }),
    [locale, onSessionLost, queryClient],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <ApiContext.Provider value={api}>{children}</ApiContext.Provider>
    </QueryClientProvider>
  );
}

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}
