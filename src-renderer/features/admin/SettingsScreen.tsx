import {} from '@mantine/core';
import { TextField } from '../../components/fields';
import { useState } from 'react';
import type { SettingKey } from '../../../shared/contract/settings';
import { useApi } from '../../api/context';
import { useRead } from '../../api/use-read';
import { useHotkeys } from '../../app/hotkeys';
import { useStatus } from '../../app/status';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { Screen } from '../../components/Screen';
import { useEditing, type EditFormProps } from '../../components/use-editing';
import { useI18n } from '../../i18n/i18n';

type Row = { key: SettingKey; value: string };

/** Сервіс / Налаштування: Enter or F2 changes the active setting. */
export function SettingsScreen() {
  const { t } = useI18n();
  const status = useStatus();
  const { data, error } = useRead('settings.list', {});
  const [active, setActive] = useState<Row | undefined>();
  const editing = useEditing<Row>();
  useHotkeys({ f2: () => active && editing.open(active) });

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
        onActiveChange={setActive}
        onOpen={editing.open}
      />
      <SettingForm
        key={editing.key}
        opened={editing.opened}
        row={editing.row}
        label={label}
        onClose={editing.close}
        onSaved={() => {
          editing.close();
          status.show(t('common.saved'));
        }}
      />
    </Screen>
  );
}

function SettingForm({ opened, row, label, onClose, onSaved }: EditFormProps<Row> & { label: (key: SettingKey) => string }) {
  const { t } = useI18n();
  const api = useApi();
  const [value, setValue] = useState(row?.value ?? '');
  return (
    <FormModal
      opened={opened}
      title={row ? label(row.key) : ''}
      onClose={onClose}
      onSubmit={async () => {
        if (!row) return;
        onSaved(await api.call('settings.save', { key: row.key, value }));
      }}
    >
      <TextField label={t('settings.value')} value={value} onValue={setValue} data-autofocus />
    </FormModal>
  );
}
