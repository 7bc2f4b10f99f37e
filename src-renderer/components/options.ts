import type { Api } from '../api/client';
import type { ComboboxItem } from '@mantine/core';

/** Option lists for the pickers, loaded from the core. */
export async function routeOptions(api: Api): Promise<ComboboxItem<number>[]> {
  const options: ComboboxItem<number>[] = [];
  for (let offset = 0, total = 1; offset < total; offset += 500) {
    const page = await api.call('routes.list', { offset, limit: 500 });
    total = page.total;
    options.push(...page.rows.map((route) => ({ value: route.id, label: `${route.number} — ${route.name}` })));
  }
  return options;
}

export const settlementOptions = async (api: Api): Promise<ComboboxItem<number>[]> =>
  (await api.call('settlements.list', {})).map((s) => ({ value: s.id, label: `${s.name} (${s.kind})` }));

export const streetOptions = async (api: Api, settlementId: number): Promise<ComboboxItem<number>[]> =>
  (await api.call('streets.list', { settlementId })).map((s) => ({ value: s.id, label: `${s.kind} ${s.name}` }));
