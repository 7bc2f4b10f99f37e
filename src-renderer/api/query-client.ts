import { QueryClient } from '@tanstack/react-query';
import type { ChannelName } from '../../shared/contract/index';
import type { ApiError } from './client';

declare module '@tanstack/react-query' {
  interface Register {
    // Every query goes through the one client, which turns any failure into an ApiError.
    defaultError: ApiError;
    queryMeta: {
      /** False for answers a screen keeps in step from its own write answers (the entry loop). */
      refetchOnWrite?: boolean;
    };
  }
}

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A refusal is the core's considered answer; asking again changes nothing.
        retry: false,
        // Every change goes through this client and refreshes what it may touch, so focus and
        // network events reveal nothing new; and the loopback host is "online" with no network at all.
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        networkMode: 'always',
      },
      mutations: { networkMode: 'always' },
    },
  });
}

/** Who is signed in changes what the core will show, so nothing cached for the last one is kept. */
const sessionChannels = new Set<ChannelName>(['auth.setup', 'auth.login', 'auth.logout']);

/**
 * After a write the shown lists refetch and the rest are marked stale; the contract says which
 * calls write, so no screen has to remember to reload.
 */
export function refreshAfterChange(queryClient: QueryClient, channel: ChannelName) {
  if (sessionChannels.has(channel)) {
    queryClient.clear();
    return;
  }
  void queryClient.invalidateQueries({ predicate: (query) => query.meta?.refetchOnWrite !== false });
}
