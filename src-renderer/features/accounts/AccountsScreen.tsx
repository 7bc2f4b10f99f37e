import { TextInput } from '@mantine/core';
import { useState } from 'react';
import type { AccountRow } from '../../../shared/contract/accounts';
import { useApi } from '../../api/context';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Screen } from '../../components/Screen';
import { useQuery } from '../../components/use-query';
import { useI18n } from '../../i18n/i18n';
import { useAccountCard } from './AccountCardProvider';

const limit = 50;

/** Робота з абонентом / Особові рахунки абонентів: search, page, Enter opens the card. */
export function AccountsScreen() {
  const { t, number } = useI18n();
  const api = useApi();
  const card = useAccountCard();
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const { data, error } = useQuery(() => api.call('accounts.search', { query, offset, limit }), [query, offset]);

  const columns: Column<AccountRow>[] = [
    { key: 'number', header: t('accounts.number'), render: (a) => a.number, width: 110 },
    { key: 'name', header: t('accounts.fullName'), render: (a) => a.fullName },
    { key: 'address', header: t('accounts.address'), render: (a) => a.address },
    { key: 'phone', header: t('accounts.phone'), render: (a) => a.phone, width: 150 },
    { key: 'balance', header: t('accounts.balance'), render: (a) => number(a.balanceKop / 100, 2), width: 130, align: 'right' },
    { key: 'points', header: t('accounts.points'), render: (a) => a.pointCount, width: 60, align: 'right' },
  ];

  return (
    <Screen title={t('accounts.title')}>
      <TextInput
        label={t('common.search')}
        placeholder={t('accounts.searchHint')}
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setOffset(0);
        }}
        w={420}
        data-autofocus
        autoFocus
      />
      <ErrorAlert error={error} />
      <DataTable
        label={t('accounts.title')}
        testId="accounts-table"
        columns={columns}
        rows={data?.rows ?? []}
        rowKey={(a) => a.id}
        total={data?.total ?? 0}
        offset={offset}
        limit={limit}
        onOffsetChange={setOffset}
        onOpen={(a) => card.open(a.id)}
      />
    </Screen>
  );
}
