import { skipToken } from '@tanstack/react-query';
import { Badge, Checkbox } from '@mantine/core';
import { PasswordField, TextField } from '../../components/fields';
import { useEffect, useRef, useState } from 'react';
import { roles, type Role, type UserRow } from '../../../shared/contract/auth';
import { useApi } from '../../api/context';
import { useRead } from '../../api/use-read';
import type { Column } from '../../components/DataTable';
import { FormModal } from '../../components/FormModal';
import { PickSelect } from '../../components/PickSelect';
import { ListEditScreen } from '../../components/ListEditScreen';
import type { EditFormProps } from '../../components/use-editing';
import { useI18n } from '../../i18n/i18n';

/** Сервіс / Користувачі: who may sign in, and as what. Insert adds, F2 or Enter edits. */
export function UsersScreen() {
  const { t } = useI18n();
  const { data, error } = useRead('users.list', {});
  const columns: Column<UserRow>[] = [
    { key: 'login', header: t('auth.login'), render: (u) => u.login, width: 160 },
    { key: 'name', header: t('auth.fullName'), render: (u) => u.fullName },
    {
      key: 'role',
      header: t('users.role'),
      render: (u) => (u.employeeName ? `${t(`auth.role.${u.role}`)} · ${u.employeeName}` : t(`auth.role.${u.role}`)),
      width: 260,
    },
    {
      key: 'active',
      header: t('employees.active'),
      render: (u) => (u.active ? t('common.yes') : <Badge color="gray">{t('common.no')}</Badge>),
      width: 90,
    },
  ];
  return (
    <ListEditScreen
      title={t('users.title')}
      testId="users-table"
      columns={columns}
      rows={data}
      error={error}
      savedName={(u) => u.login}
      form={(props) => <UserForm {...props} />}
    />
  );
}

function UserForm({ opened, row, onClose, onSaved }: EditFormProps<UserRow>) {
  const { t } = useI18n();
  const api = useApi();
  const [login, setLogin] = useState(row?.login ?? '');
  const [fullName, setFullName] = useState(row?.fullName ?? '');
  const [role, setRole] = useState<Role>(row?.role ?? 'operator');
  const [active, setActive] = useState(row?.active ?? true);
  const [password, setPassword] = useState('');
  const [employeeId, setEmployeeId] = useState<number | null>(row?.employeeId ?? null);
  const employeeInput = useRef<HTMLInputElement>(null);
  // Made a controller here: the employee they stand for is asked next, wherever Tab had gone.
  const madeController = role === 'controller' && row?.role !== 'controller';
  useEffect(() => {
    if (madeController) employeeInput.current?.focus();
  }, [madeController]);
  const controllers = useRead('employees.list', role === 'controller' ? { onlyActiveControllers: true } : skipToken);
  const save = () =>
    api.call('users.save', {
      ...(row ? { id: row.id } : {}),
      login,
      fullName,
      role,
      active,
      employeeId: role === 'controller' ? employeeId : null,
      ...(password ? { password } : {}),
    });
  return (
    <FormModal opened={opened} title={row ? row.login : t('users.new')} onClose={onClose} onSubmit={async () => onSaved(await save())}>
      <TextField label={t('auth.login')} value={login} onValue={setLogin} required maxLength={40} data-autofocus />
      <TextField label={t('auth.fullName')} value={fullName} onValue={setFullName} required maxLength={150} />
      <PickSelect<Role>
        label={t('users.role')}
        data={roles.map((value) => ({ value, label: t(`auth.role.${value}`) }))}
        value={role}
        onChange={(value) => value && setRole(value)}
        allowDeselect={false}
      />
      {role === 'controller' && (
        // The controller's phone shows the tasks of this employee.
        <PickSelect<number>
          label={t('users.employee')}
          data={(controllers.data ?? []).map((e) => ({ value: e.id, label: e.fullName }))}
          value={employeeId}
          onChange={setEmployeeId}
          ref={employeeInput}
          required
        />
      )}
      <PasswordField
        label={row ? t('users.newPassword') : t('auth.password')}
        value={password}
        onValue={setPassword}
        autoComplete="new-password"
      />
      <Checkbox label={t('employees.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
    </FormModal>
  );
}
