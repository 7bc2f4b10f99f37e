import { Badge, Checkbox } from '@mantine/core';
import { TextField } from '../../components/fields';
import { useState } from 'react';
import type { EmployeeRow } from '../../../shared/contract/directories';
import { useApi } from '../../api/context';
import { useRead } from '../../api/use-read';
import type { Column } from '../../components/DataTable';
import { FormModal } from '../../components/FormModal';
import { ListEditScreen } from '../../components/ListEditScreen';
import type { EditFormProps } from '../../components/use-editing';
import { useI18n } from '../../i18n/i18n';

/** Довідники / Довідники РЕМ / Службовці: the controllers who can be a route's executor. */
export function EmployeesScreen() {
  const { t } = useI18n();
  const { data, error } = useRead('employees.list', {});
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
    {
      key: 'capacity',
      header: t('employees.planCapacityShort'),
      render: (e) => (e.isController ? (e.planCapacity ?? '—') : ''),
      width: 90,
      align: 'right',
    },
  ];
  return (
    <ListEditScreen
      title={t('employees.title')}
      testId="employees-table"
      columns={columns}
      rows={data}
      error={error}
      savedName={(e) => e.fullName}
      form={(props) => <EmployeeForm {...props} />}
    />
  );
}

function EmployeeForm({ opened, row, onClose, onSaved }: EditFormProps<EmployeeRow>) {
  const { t } = useI18n();
  const api = useApi();
  const [fullName, setFullName] = useState(row?.fullName ?? '');
  const [position, setPosition] = useState(row?.position ?? '');
  const [phone, setPhone] = useState(row?.phone ?? '');
  const [isController, setIsController] = useState(row?.isController ?? true);
  const [active, setActive] = useState(row?.active ?? true);
  const [capacity, setCapacity] = useState(row?.planCapacity ? String(row.planCapacity) : '');
  // Empty takes the setting; anything else the core checks (a whole number from 1 to 500).
  const planCapacity = capacity.trim() === '' ? null : Number(capacity);
  const save = () =>
    api.call('employees.save', { ...(row ? { id: row.id } : {}), fullName, position, phone, isController, active, planCapacity });
  return (
    <FormModal
      opened={opened}
      title={row ? row.fullName : t('employees.new')}
      onClose={onClose}
      onSubmit={async () => onSaved(await save())}
    >
      <TextField label={t('employees.fullName')} value={fullName} onValue={setFullName} required maxLength={150} data-autofocus />
      <TextField label={t('employees.position')} value={position} onValue={setPosition} maxLength={100} />
      <TextField label={t('employees.phone')} value={phone} onValue={setPhone} maxLength={30} inputMode="tel" />
      <Checkbox label={t('employees.isController')} checked={isController} onChange={(e) => setIsController(e.currentTarget.checked)} />
      <Checkbox label={t('employees.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
      {isController && (
        <TextField
          label={t('employees.planCapacity')}
          value={capacity}
          onValue={setCapacity}
          maxLength={3}
          inputMode="numeric"
          w={320}
          data-testid="employee-capacity"
        />
      )}
    </FormModal>
  );
}
