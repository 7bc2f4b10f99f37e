import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import type { Input, Output, Page } from '../../shared/contract/index';
import { useRead, type ReadChannel } from './use-read';

type PagedChannel = { [N in ReadChannel]: Output<N> extends Page<unknown> ? N : never }[ReadChannel];
type Filters<N extends PagedChannel> = Omit<Input<N>, 'offset' | 'limit'>;
type Row<N extends PagedChannel> = Output<N> extends Page<infer R> ? R : never;

/**
 * One page of a long list, for a DataTable's `page`. The rows shown stay while the next page or
 * filter loads, so typing in a search box never blanks the table; a change of filters starts at
 * the first page (the offset belongs to the filters it was chosen under).
 */
export function usePagedRead<N extends PagedChannel>(channel: N, filters: Filters<N>, limit: number) {
  const filterKey = JSON.stringify(filters);
  const [paging, setPaging] = useState({ filterKey, offset: 0 });
  const offset = paging.filterKey === filterKey ? paging.offset : 0;
  const query = useRead(channel, { ...filters, offset, limit } as Input<N>, { placeholderData: keepPreviousData });
  const data = query.data as Page<Row<N>> | undefined;
  return {
    error: query.error,
    rows: data?.rows ?? [],
    page: {
      total: data?.total ?? 0,
      offset,
      limit,
      loading: query.isPending,
      onOffsetChange: (next: number) => setPaging({ filterKey, offset: next }),
    },
  };
}
