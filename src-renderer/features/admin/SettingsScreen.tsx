import { TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SettingKey } from '../../../shared/contract/settings';
import { useApi } from '../../api/context';
import { useHotkeys } from '../../app/hotkeys';
import { useStatus } from '../../app/status';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { Screen } from '../../components/Screen';
import { useQuery } from '../../components/use-query';
import { useI18n } from '../../i18n/i18n';

type Row = { key: SettingKey; value: string };

/** Сервіс / Налаштування: Enter or F2 changes the active setting. */
export function SettingsScreen() {
  const { t } = useI18n();
  const api = useApi();
  const status = useStatus();
  const { data, error, reload } = useQuery(() => api.call('settings.list', {}), []);
  const [active, setActive] = useState<Row | undefined>();
  const [editing, setEditing] = useState<Row | null>(null);
  const [value, setValue] = useState('');
  useEffect(() => setValue(editing?.value ?? ''), [editing]);
  useHotkeys({ f2: () => active && setEditing(active) });

  const label = (key: SettingKey) => t(`settings.${key}` as 'settings.branch.name');
  const columns: Column<Row>[] = [
    { key: 'name', header: t('settings.name'), render: (r) => label(r.key) },
    { key: 'value', header: t('settings.value'), render: (r) => r.value, width: 240 },
  ];
  const rows = data ?? [];
  return (
    <Screen title={t('settings.title')}>
      <ErrorAlert error={error} />
      <DataTable
        label={t('settings.title')}
        testId="settings-table"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.key}
        total={rows.length}
        offset={0}
        limit={Math.max(rows.length, 1)}
        onActiveChange={setActive}
        onOpen={setEditing}
      />
      <FormModal
        opened={editing !== null}
        title={editing ? label(editing.key) : ''}
        onClose={() => setEditing(null)}
        onSubmit={async () => {
          if (!editing) return;
          await api.call('settings.save', { key: editing.key, value });
          setEditing(null);
          status.show(t('common.saved'));
          await reload();
        }}
      >
        <TextInput label={t('settings.value')} value={value} onChange={(e) => setValue(e.currentTarget.value)} data-autofocus />
      </FormModal>
    </Screen>
  );
}
