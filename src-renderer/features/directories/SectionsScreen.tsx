import { TextInput } from '@mantine/core';
import type { ComboboxItem } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SectionRow } from '../../../shared/contract/directories';
import { useApi } from '../../api/context';
import { useHotkeys } from '../../app/hotkeys';
import { useStatus } from '../../app/status';
import { DataTable, type Column } from '../../components/DataTable';
import { EditActions } from '../../components/EditActions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { PickSelect } from '../../components/PickSelect';
import { Screen } from '../../components/Screen';
import { settlementOptions } from '../../components/options';
import { useQuery } from '../../components/use-query';
import { useI18n } from '../../i18n/i18n';

/** Довідники / Довідники РЕМ / Дільниці. Insert adds, F2 or Enter edits. */
export function SectionsScreen() {
  const { t } = useI18n();
  const api = useApi();
  const status = useStatus();
  const { data, error, reload } = useQuery(() => api.call('sections.list', {}), []);
  const [active, setActive] = useState<SectionRow | undefined>();
  const [editing, setEditing] = useState<{ row?: SectionRow } | null>(null);
  useHotkeys({ insert: () => setEditing({}), f2: () => active && setEditing({ row: active }) });

  const columns: Column<SectionRow>[] = [
    { key: 'name', header: t('sections.name'), render: (s) => s.name },
    { key: 'settlement', header: t('sections.settlement'), render: (s) => s.settlementName ?? t('common.none') },
    { key: 'routes', header: t('sections.routes'), render: (s) => s.routeCount, width: 120, align: 'right' },
  ];
  const rows = data ?? [];
  return (
    <Screen
      title={t('sections.title')}
      actions={<EditActions onAdd={() => setEditing({})} onEdit={() => active && setEditing({ row: active })} canEdit={!!active} />}
    >
      <ErrorAlert error={error} />
      <DataTable
        label={t('sections.title')}
        testId="sections-table"
        columns={columns}
        rows={rows}
        rowKey={(s) => s.id}
        total={rows.length}
        offset={0}
        limit={Math.max(rows.length, 1)}
        onActiveChange={setActive}
        onOpen={(row) => setEditing({ row })}
      />
      <SectionForm
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          status.show(`${t('common.saved')}: ${saved.name}`);
          void reload();
        }}
      />
    </Screen>
  );
}

function SectionForm({
  editing,
  onClose,
  onSaved,
}: {
  editing: { row?: SectionRow } | null;
  onClose: () => void;
  onSaved: (row: SectionRow) => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const [name, setName] = useState('');
  const [settlementId, setSettlementId] = useState<number | null>(null);
  const [settlements, setSettlements] = useState<ComboboxItem<number>[]>([]);
  useEffect(() => {
    if (!editing) return;
    setName(editing.row?.name ?? '');
    setSettlementId(editing.row?.settlementId ?? null);
    void settlementOptions(api).then(setSettlements);
  }, [editing, api]);
  return (
    <FormModal
      opened={editing !== null}
      title={editing?.row ? editing.row.name : t('sections.new')}
      onClose={onClose}
      onSubmit={async () =>
        onSaved(await api.call('sections.save', { ...(editing?.row ? { id: editing.row.id } : {}), name, settlementId }))
      }
    >
      <TextInput
        label={t('sections.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        required
        maxLength={100}
        data-autofocus
      />
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
