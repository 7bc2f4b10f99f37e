import { TextInput } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import type { AccountRow } from '../../../shared/contract/accounts';
import { formatAmount } from '../../../shared/i18n/format';
import { useRead } from '../../api/use-read';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Screen } from '../../components/Screen';
import { useI18n } from '../../i18n/i18n';
import { useAccountCard } from './AccountCardProvider';

const limit = 50;

/** Робота з абонентом / Особові рахунки абонентів: search, page, Enter opens the card. */
export function AccountsScreen() {
  const { t, locale } = useI18n();
  const card = useAccountCard();
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const { data, error } = useRead('accounts.search', { query, offset, limit }, { placeholderData: keepPreviousData });

  const columns: Column<AccountRow>[] = [
    { key: 'number', header: t('accounts.number'), render: (a) => a.number, width: 110 },
    { key: 'name', header: t('accounts.fullName'), render: (a) => a.fullName },
    { key: 'address', header: t('accounts.address'), render: (a) => a.address },
    { key: 'phone', header: t('accounts.phone'), render: (a) => a.phone, width: 150 },
    { key: 'balance', header: t('accounts.balance'), render: (a) => formatAmount(a.balanceKop, locale), width: 130, align: 'right' },
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
