import { Badge, Checkbox, PasswordInput, Select, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { roles, type Role, type UserRow } from '../../../shared/contract/auth';
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

/** Сервіс / Користувачі: who may sign in, and as what. Insert adds, F2 or Enter edits. */
export function UsersScreen() {
  const { t } = useI18n();
  const api = useApi();
  const status = useStatus();
  const { data, error, reload } = useQuery(() => api.call('users.list', {}), []);
  const [active, setActive] = useState<UserRow | undefined>();
  const [editing, setEditing] = useState<{ row?: UserRow } | null>(null);
  useHotkeys({ insert: () => setEditing({}), f2: () => active && setEditing({ row: active }) });

  const columns: Column<UserRow>[] = [
    { key: 'login', header: t('auth.login'), render: (u) => u.login, width: 160 },
    { key: 'name', header: t('auth.fullName'), render: (u) => u.fullName },
    { key: 'role', header: t('users.role'), render: (u) => t(`auth.role.${u.role}`), width: 160 },
    {
      key: 'active',
      header: t('employees.active'),
      render: (u) => (u.active ? t('common.yes') : <Badge color="gray">{t('common.no')}</Badge>),
      width: 90,
    },
  ];
  const rows = data ?? [];
  return (
    <Screen
      title={t('users.title')}
      actions={<EditActions onAdd={() => setEditing({})} onEdit={() => active && setEditing({ row: active })} canEdit={!!active} />}
    >
      <ErrorAlert error={error} />
      <DataTable
        label={t('users.title')}
        testId="users-table"
        columns={columns}
        rows={rows}
        rowKey={(u) => u.id}
        total={rows.length}
        offset={0}
        limit={Math.max(rows.length, 1)}
        onActiveChange={setActive}
        onOpen={(row) => setEditing({ row })}
      />
      <UserForm
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          status.show(`${t('common.saved')}: ${saved.login}`);
          void reload();
        }}
      />
    </Screen>
  );
}

function UserForm({
  editing,
  onClose,
  onSaved,
}: {
  editing: { row?: UserRow } | null;
  onClose: () => void;
  onSaved: (row: UserRow) => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const [login, setLogin] = useState('');
  const [fullName, setFullName] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const [active, setActive] = useState(true);
  const [password, setPassword] = useState('');
  useEffect(() => {
    if (!editing) return;
    setLogin(editing.row?.login ?? '');
    setFullName(editing.row?.fullName ?? '');
    setRole(editing.row?.role ?? 'operator');
    setActive(editing.row?.active ?? true);
    setPassword('');
  }, [editing]);
  return (
    <FormModal
      opened={editing !== null}
      title={editing?.row ? editing.row.login : t('users.new')}
      onClose={onClose}
      onSubmit={async () =>
        onSaved(
          await api.call('users.save', {
            ...(editing?.row ? { id: editing.row.id } : {}),
            login,
            fullName,
            role,
            active,
            ...(password ? { password } : {}),
          }),
        )
      }
    >
      <TextInput
        label={t('auth.login')}
        value={login}
        onChange={(e) => setLogin(e.currentTarget.value)}
        required
        maxLength={40}
        data-autofocus
      />
      <TextInput
        label={t('auth.fullName')}
        value={fullName}
        onChange={(e) => setFullName(e.currentTarget.value)}
        required
        maxLength={150}
      />
      <Select
        label={t('users.role')}
        data={roles.map((value) => ({ value, label: t(`auth.role.${value}`) }))}
        value={role}
        onChange={(value) => value && setRole(value)}
        allowDeselect={false}
      />
      <PasswordInput
        label={editing?.row ? t('users.newPassword') : t('auth.password')}
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        autoComplete="new-password"
      />
      <Checkbox label={t('employees.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
    </FormModal>
  );
}
