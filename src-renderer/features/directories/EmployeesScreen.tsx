import { Badge, Checkbox, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { EmployeeRow } from '../../../shared/contract/directories';
import { useApi } from '../../api/context';
import { useHotkeys } from '../../app/hotkeys';
import { useStatus } from '../../app/status';
import { DataTable, type Column } from '../../components/DataTable';
import { EditActions } from '../../components/EditActions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { Screen } from '../../components/Screen';
import { useQuery } from '../../components/use-query';
import { useI18n } from '../../i18n/i18n';

/** Довідники / Довідники РЕМ / Службовці: the controllers who can be a route's executor. */
export function EmployeesScreen() {
  const { t } = useI18n();
  const api = useApi();
  const status = useStatus();
  const { data, error, reload } = useQuery(() => api.call('employees.list', {}), []);
  const [active, setActive] = useState<EmployeeRow | undefined>();
  const [editing, setEditing] = useState<{ row?: EmployeeRow } | null>(null);
  useHotkeys({ insert: () => setEditing({}), f2: () => active && setEditing({ row: active }) });

  const columns: Column<EmployeeRow>[] = [
    { key: 'name', header: t('employees.fullName'), render: (e) => e.fullName },
    { key: 'position', header: t('employees.position'), render: (e) => e.position },
    { key: 'phone', header: t('employees.phone'), render: (e) => e.phone, width: 160 },
    {
      key: 'controller',
      header: t('employees.controllerShort'),
      render: (e) => (e.isController ? t('common.yes') : t('common.no')),
      width: 110,
    },
    {
      key: 'active',
      header: t('employees.active'),
      render: (e) => (e.active ? t('common.yes') : <Badge color="gray">{t('common.no')}</Badge>),
      width: 90,
    },
    { key: 'routes', header: t('employees.routes'), render: (e) => e.routeCount, width: 110, align: 'right' },
  ];
  const rows = data ?? [];
  return (
    <Screen
      title={t('employees.title')}
      actions={<EditActions onAdd={() => setEditing({})} onEdit={() => active && setEditing({ row: active })} canEdit={!!active} />}
    >
      <ErrorAlert error={error} />
      <DataTable
        label={t('employees.title')}
        testId="employees-table"
        columns={columns}
        rows={rows}
        rowKey={(e) => e.id}
        total={rows.length}
        offset={0}
        limit={Math.max(rows.length, 1)}
        onActiveChange={setActive}
        onOpen={(row) => setEditing({ row })}
      />
      <EmployeeForm
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          status.show(`${t('common.saved')}: ${saved.fullName}`);
          void reload();
        }}
      />
    </Screen>
  );
}

function EmployeeForm({
  editing,
  onClose,
  onSaved,
}: {
  editing: { row?: EmployeeRow } | null;
  onClose: () => void;
  onSaved: (row: EmployeeRow) => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const [fullName, setFullName] = useState('');
  const [position, setPosition] = useState('');
  const [phone, setPhone] = useState('');
  const [isController, setIsController] = useState(true);
  const [active, setActive] = useState(true);
  useEffect(() => {
    if (!editing) return;
    setFullName(editing.row?.fullName ?? '');
    setPosition(editing.row?.position ?? '');
    setPhone(editing.row?.phone ?? '');
    setIsController(editing.row?.isController ?? true);
    setActive(editing.row?.active ?? true);
  }, [editing]);
  return (
    <FormModal
      opened={editing !== null}
      title={editing?.row ? editing.row.fullName : t('employees.new')}
      onClose={onClose}
      onSubmit={async () =>
        onSaved(
          await api.call('employees.save', {
            ...(editing?.row ? { id: editing.row.id } : {}),
            fullName,
            position,
            phone,
            isController,
            active,
          }),
        )
      }
    >
      <TextInput
        label={t('employees.fullName')}
        value={fullName}
        onChange={(e) => setFullName(e.currentTarget.value)}
        required
        maxLength={150}
        data-autofocus
      />
      <TextInput label={t('employees.position')} value={position} onChange={(e) => setPosition(e.currentTarget.value)} maxLength={100} />
      <TextInput
        label={t('employees.phone')}
        value={phone}
        onChange={(e) => setPhone(e.currentTarget.value)}
        maxLength={30}
        inputMode="tel"
      />
      <Checkbox label={t('employees.isController')} checked={isController} onChange={(e) => setIsController(e.currentTarget.checked)} />
      <Checkbox label={t('employees.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
    </FormModal>
  );
}
