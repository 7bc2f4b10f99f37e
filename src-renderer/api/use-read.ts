import { skipToken, useQuery, useQueryClient, type SkipToken, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type { ChannelName, Contract, Input, Output } from '../../shared/contract/index';
import { useI18n } from '../i18n/i18n';
import type { ApiError } from './client';
import { useApi } from './context';

/** Only channels the contract declares as reads may be cached. */
export type ReadChannel = { [N in ChannelName]: Contract[N]['effect'] extends 'read' ? N : never }[ChannelName];

type ReadKey = readonly [ChannelName, unknown, string];
export type ReadOptions<N extends ReadChannel> = Pick<
  UseQueryOptions<Output<N>, ApiError, Output<N>, ReadKey>,
  'placeholderData' | 'staleTime' | 'gcTime' | 'meta'
>;

/**
 * A core read, cached under [channel, input, locale]: a screen names what it shows and the cache
 * decides when to ask. `skipToken` waits for the input to be known (nothing picked yet).
 */
export function useRead<N extends ReadChannel>(
  channel: N,
  input: Input<N> | SkipToken,
  options: ReadOptions<N> = {},
): UseQueryResult<Output<N>, ApiError> {
  const api = useApi();
  const { locale } = useI18n();
  return useQuery({
    ...options,
    queryKey: [channel, input === skipToken ? null : input, locale] as const,
    queryFn: input === skipToken ? skipToken : () => api.call(channel, input),
  });
}

/** The same read for an event handler that cannot wait for a render: shares the cache and any fetch in flight. */
export function useReadNow() {
  const api = useApi();
  const { locale } = useI18n();
  const queryClient = useQueryClient();
  return <N extends ReadChannel>(channel: N, input: Input<N>): Promise<Output<N>> =>
    queryClient.fetchQuery({ queryKey: [channel, input, locale] as const, queryFn: () => api.call(channel, input) });
}
