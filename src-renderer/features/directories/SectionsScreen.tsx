import {} from '@mantine/core';
import { TextField } from '../../components/fields';
import { useState } from 'react';
import type { SectionRow } from '../../../shared/contract/directories';
import { useApi } from '../../api/context';
import { useRead } from '../../api/use-read';
import type { Column } from '../../components/DataTable';
import { FormModal } from '../../components/FormModal';
import { ListEditScreen } from '../../components/ListEditScreen';
import { PickSelect } from '../../components/PickSelect';
import { useSettlementOptions } from '../../components/options';
import type { EditFormProps } from '../../components/use-editing';
import { useI18n } from '../../i18n/i18n';

/** Довідники / Довідники РЕМ / Дільниці. Insert adds, F2 or Enter edits. */
export function SectionsScreen() {
  const { t } = useI18n();
  const { data, error } = useRead('sections.list', {});
  const columns: Column<SectionRow>[] = [
    { key: 'name', header: t('sections.name'), render: (s) => s.name },
    { key: 'settlement', header: t('sections.settlement'), render: (s) => s.settlementName ?? t('common.none') },
    { key: 'routes', header: t('sections.routes'), render: (s) => s.routeCount, width: 120, align: 'right' },
  ];
  return (
    <ListEditScreen
      title={t('sections.title')}
      testId="sections-table"
      columns={columns}
      rows={data}
      error={error}
      savedName={(s) => s.name}
      form={(props) => <SectionForm {...props} />}
    />
  );
}

function SectionForm({ opened, row, onClose, onSaved }: EditFormProps<SectionRow>) {
  const { t } = useI18n();
  const api = useApi();
  const settlements = useSettlementOptions();
  const [name, setName] = useState(row?.name ?? '');
  const [settlementId, setSettlementId] = useState<number | null>(row?.settlementId ?? null);
  const save = () => api.call('sections.save', { ...(row ? { id: row.id } : {}), name, settlementId });
  return (
    <FormModal opened={opened} title={row ? row.name : t('sections.new')} onClose={onClose} onSubmit={async () => onSaved(await save())}>
      <TextField label={t('sections.name')} value={name} onValue={setName} required maxLength={100} data-autofocus />
      <PickSelect<number>
        label={t('sections.settlement')}
        data={settlements}
        value={settlementId}
        onChange={setSettlementId}
        clearable
        allowDeselect
      />
    </FormModal>
  );
}
