import {} from '@mantine/core';
import { TextField } from '../../components/fields';
import { useState } from 'react';
import type { AccountRow } from '../../../shared/contract/accounts';
import { formatAmount } from '../../../shared/i18n/format';
import { usePagedRead } from '../../api/use-paged-read';
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
  const accounts = usePagedRead('accounts.search', { query }, limit);

  const columns: Column<AccountRow>[] = [
    { key: 'number', header: t('accounts.number'), render: (a) => a.number, width: 110 },
    { key: 'name', header: t('accounts.fullName'), render: (a) => a.fullName },
    { key: 'address', header: t('accounts.address'), render: (a) => a.address },
    { key: 'phone', header: t('accounts.phone'), render: (a) => a.phone, width: 150 },
    // Owed today by the ledger's rule (bills due less payments); blank for nothing owed.
    {
      key: 'debt',
      header: t('accounts.debt'),
      render: (a) => (a.debtKop > 0 ? formatAmount(a.debtKop, locale) : ''),
      width: 130,
      align: 'right',
    },
    { key: 'points', header: t('accounts.points'), render: (a) => a.pointCount, width: 60, align: 'right' },
  ];

  return (
    <Screen title={t('accounts.title')}>
      <TextField
        label={t('common.search')}
        placeholder={t('accounts.searchHint')}
        value={query}
        onValue={setQuery}
        w={420}
        data-autofocus
        autoFocus
      />
      <ErrorAlert error={accounts.error} />
      <DataTable
        label={t('accounts.title')}
        testId="accounts-table"
        columns={columns}
        rows={accounts.rows}
        rowKey={(a) => a.id}
        page={accounts.page}
        onOpen={(a) => card.open(a.id)}
      />
    </Screen>
  );
}
