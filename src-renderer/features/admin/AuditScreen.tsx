import { Code, Group } from '@mantine/core';
import { TextField } from '../../components/fields';
import { useState } from 'react';
import type { AuditRow } from '../../../shared/contract/auth';
import { formatDateTime } from '../../../shared/i18n/format';
import { usePagedRead } from '../../api/use-paged-read';
import { DataTable, type Column } from '../../components/DataTable';
import { DateRangeFilter } from '../../components/DateRangeFilter';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Screen } from '../../components/Screen';
import { useI18n } from '../../i18n/i18n';

const limit = 50;
const brief = (json: string | null) => (json && json.length > 160 ? `${json.slice(0, 160)}…` : (json ?? '—'));

/** Сервіс / Журнал змін: who changed what and when, with the values before and after. */
export function AuditScreen() {
  const { t, locale } = useI18n();
  const [login, setLogin] = useState('');
  const [entity, setEntity] = useState('');
  const [dateFrom, setDateFrom] = useState('');
  const [dateTo, setDateTo] = useState('');
  const audit = usePagedRead('audit.list', { login, entity, dateFrom, dateTo }, limit);
  const columns: Column<AuditRow>[] = [
    { key: 'at', header: t('audit.at'), render: (r) => formatDateTime(r.at, locale), width: 150 },
    { key: 'login', header: t('auth.login'), render: (r) => r.login, width: 120 },
    { key: 'channel', header: t('audit.channel'), render: (r) => <Code>{r.channel}</Code>, width: 170 },
    { key: 'action', header: t('audit.action'), render: (r) => t(`audit.action.${r.action}`), width: 110 },
    { key: 'entity', header: t('audit.entity'), render: (r) => `${r.entity}${r.entityId === null ? '' : ` #${r.entityId}`}`, width: 150 },
    { key: 'old', header: t('audit.old'), render: (r) => <Code>{brief(r.oldValue)}</Code> },
    { key: 'new', header: t('audit.new'), render: (r) => <Code>{brief(r.newValue)}</Code> },
  ];
  return (
    <Screen title={t('audit.title')}>
      <Group align="flex-end" gap="sm">
        <TextField label={t('auth.login')} value={login} onValue={setLogin} w={160} />
        <TextField label={t('audit.entity')} placeholder="route, task, reading, user" value={entity} onValue={setEntity} w={200} />
        <DateRangeFilter from={dateFrom} to={dateTo} onFromChange={setDateFrom} onToChange={setDateTo} />
      </Group>
      <ErrorAlert error={audit.error} />
      <DataTable label={t('audit.title')} testId="audit-table" columns={columns} rows={audit.rows} rowKey={(r) => r.id} page={audit.page} />
    </Screen>
  );
}
