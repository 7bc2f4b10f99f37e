import { MoneyField, TextField } from '../../components/fields';
import { useState } from 'react';
import { settingRules, type SettingKey } from '../../../shared/contract/settings';
import { formatAmount, formatMoney, parseMoney } from '../../../shared/i18n/format';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { useRead } from '../../api/use-read';
import { useHotkeys } from '../../app/hotkeys';
import { useStatus } from '../../app/status';
import { DataTable, type Column } from '../../components/DataTable';
import { PickSelect } from '../../components/PickSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { Screen } from '../../components/Screen';
import { useEditing, type EditFormProps } from '../../components/use-editing';
import { useI18n } from '../../i18n/i18n';

type Row = { key: SettingKey; value: string };

/** A setting kept in kopecks is shown and typed in гривні; the contract keeps kopecks. */
const isMoney = (key: SettingKey) => settingRules[key].kind === 'money';
/** The fixed values a choice setting takes, or null for any other kind. */
const choicesOf = (key: SettingKey): readonly string[] | null => {
  const rule = settingRules[key];
  return rule.kind === 'choice' ? rule.options : null;
};

/** A choice's stored value ('working') in words («робочих днів»). */
function useChoiceLabel() {
  const { t } = useI18n();
  return (value: string) => t(`settings.choice.${value}` as 'settings.choice.working');
}

/** Сервіс / Налаштування: Enter or F2 changes the active setting. */
export function SettingsScreen() {
  const { t, locale } = useI18n();
  const choiceLabel = useChoiceLabel();
  const status = useStatus();
  const { data, error } = useRead('settings.list', {});
  const [active, setActive] = useState<Row | undefined>();
  const editing = useEditing<Row>();
  useHotkeys({ f2: () => active && editing.open(active) });

  const label = (key: SettingKey) => t(`settings.${key}` as 'settings.branch.name');
  const columns: Column<Row>[] = [
    { key: 'name', header: t('settings.name'), render: (r) => label(r.key) },
    {
      key: 'value',
      header: t('settings.value'),
      render: (r) => (isMoney(r.key) ? formatMoney(Number(r.value), locale) : choicesOf(r.key) ? choiceLabel(r.value) : r.value),
      width: 240,
    },
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
  const { t, locale } = useI18n();
  const api = useApi();
  const choiceLabel = useChoiceLabel();
  const money = row !== undefined && isMoney(row.key);
  const choices = row ? choicesOf(row.key) : null;
  const [value, setValue] = useState(() => (row && money ? formatAmount(Number(row.value), locale) : (row?.value ?? '')));
  return (
    <FormModal
      opened={opened}
      title={row ? label(row.key) : ''}
      onClose={onClose}
      onSubmit={async () => {
        if (!row) return;
        const kopecks = money ? parseMoney(value) : null;
        if (money && kopecks === null) throw new ApiError({ code: 'request.invalid', message: t('money.invalid'), field: 'value' });
        onSaved(await api.call('settings.save', { key: row.key, value: money ? String(kopecks) : value }));
      }}
    >
      {choices ? (
        <PickSelect<string>
          label={t('settings.value')}
          data={choices.map((choice) => ({ value: choice, label: choiceLabel(choice) }))}
          value={value}
          onChange={(choice) => choice !== null && setValue(choice)}
          data-autofocus
        />
      ) : money ? (
        <MoneyField label={t('settings.value')} value={value} onValue={setValue} data-autofocus />
      ) : (
        <TextField label={t('settings.value')} value={value} onValue={setValue} data-autofocus />
      )}
    </FormModal>
  );
}
