import type { ComboboxItem } from '@mantine/core';
import { skipToken, useQuery } from '@tanstack/react-query';
import { useApi } from '../api/context';
import { useRead } from '../api/use-read';
import { useI18n } from '../i18n/i18n';

type Options = ComboboxItem<number>[];
const none: Options = [];

/** Every route for a picker: the list is paged by the core, so the pages are read in turn. */
export function useRouteOptions(): Options {
  const api = useApi();
  const { locale } = useI18n();
  const { data } = useQuery({
    // Under the channel's name, so a write refreshes it like any other read of routes.
    queryKey: ['routes.list', 'options', locale],
    queryFn: async () => {
      const options: Options = [];
      for (let offset = 0, total = 1; offset < total; offset += 500) {
        const page = await api.call('routes.list', { offset, limit: 500 });
        total = page.total;
        options.push(...page.rows.map((route) => ({ value: route.id, label: `${route.number} — ${route.name}` })));
      }
      return options;
    },
  });
  return data ?? none;
}

export function useSettlementOptions(): Options {
  const { data } = useRead('settlements.list', {});
  return data?.map((s) => ({ value: s.id, label: `${s.name} (${s.kind})` })) ?? none;
}

export function useStreetOptions(settlementId: number | null): Options {
  const { data } = useRead('streets.list', settlementId === null ? skipToken : { settlementId });
  return (settlementId !== null && data?.map((s) => ({ value: s.id, label: `${s.kind} ${s.name}` }))) || none;
}

export function useSectionOptions(): Options {
  const { data } = useRead('sections.list', {});
  return data?.map((s) => ({ value: s.id, label: s.name })) ?? none;
}

/** Controllers who may walk a route; `keep` names one who has since left, so an old route's form stays truthful. */
export function useControllerOptions(keep?: { id: number | null; name: string | null }): Options {
  const { data } = useRead('employees.list', { onlyActiveControllers: true });
  const options = data?.map((e) => ({ value: e.id, label: e.fullName })) ?? none;
  if (keep?.id && !options.some((option) => option.value === keep.id))
    return [...options, { value: keep.id, label: keep.name ?? String(keep.id) }];
  return options;
}
