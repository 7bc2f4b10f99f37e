import { Button, Kbd, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { RouteRow } from '../../../shared/contract/routes';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { useHotkeys } from '../../app/hotkeys';
import { useRouter } from '../../app/router';
import { useStatus } from '../../app/status';
import { ConfirmModal } from '../../components/ConfirmModal';
import { DataTable, type Column } from '../../components/DataTable';
import { EditActions } from '../../components/EditActions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Screen } from '../../components/Screen';
import { useQuery } from '../../components/use-query';
import { useI18n } from '../../i18n/i18n';
import { RouteFormModal } from './RouteFormModal';

const limit = 50;

/** Довідники / Довідники РЕМ / Маршрути. Insert adds, F2 edits, Delete deletes, Enter opens. */
export function RoutesScreen() {
  const { t } = useI18n();
  const api = useApi();
  const { go } = useRouter();
  const status = useStatus();
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const [active, setActive] = useState<RouteRow | undefined>();
  const [editing, setEditing] = useState<{ route?: RouteRow } | null>(null);
  const [deleting, setDeleting] = useState<RouteRow | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const { data, error, reload } = useQuery(() => api.call('routes.list', { query, offset, limit }), [query, offset]);

  useHotkeys({
    insert: () => setEditing({}),
    f2: () => active && setEditing({ route: active }),
    delete: () => active && setDeleting(active),
  });

  const columns: Column<RouteRow>[] = [
    { key: 'number', header: t('routes.number'), render: (r) => r.number, width: 90, align: 'right' },
    { key: 'name', header: t('routes.name'), render: (r) => r.name },
    { key: 'section', header: t('routes.section'), render: (r) => r.sectionName ?? t('common.none') },
    { key: 'executor', header: t('routes.executor'), render: (r) => r.executorName ?? t('common.none') },
    { key: 'points', header: t('routes.points'), render: (r) => r.pointCount, width: 130, align: 'right' },
  ];

  const remove = async (route: RouteRow) => {
    setDeleting(null);
    try {
      await api.call('routes.delete', { id: route.id });
      status.show(t('routes.deleted', { number: route.number }));
      setActionError(null);
      await reload();
    } catch (caught) {
      if (caught instanceof ApiError) {
        setActionError(caught);
        status.show(caught.message, 'error');
      }
    }
  };

  return (
    <Screen
      title={t('routes.title')}
      actions={
        <>
          <EditActions onAdd={() => setEditing({})} onEdit={() => active && setEditing({ route: active })} canEdit={!!active} />
          <Button
            variant="default"
            color="red"
            disabled={!active}
            onClick={() => active && setDeleting(active)}
            rightSection={<Kbd size="xs">Del</Kbd>}
          >
            {t('common.delete')}
          </Button>
        </>
      }
    >
      <TextInput
        label={t('common.search')}
        placeholder={t('common.searchHint')}
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setOffset(0);
        }}
        w={360}
        data-autofocus
      />
      <ErrorAlert error={error ?? actionError} />
      <DataTable
        label={t('routes.title')}
        testId="routes-table"
        columns={columns}
        rows={data?.rows ?? []}
        rowKey={(r) => r.id}
        total={data?.total ?? 0}
        offset={offset}
        limit={limit}
        onOffsetChange={setOffset}
        onActiveChange={setActive}
        onOpen={(r) => go({ name: 'route', id: r.id, tab: 'points' })}
      />
      <RouteFormModal
        opened={editing !== null}
        route={editing?.route}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          const wasNew = !editing?.route;
          setEditing(null);
          status.show(`${t('common.saved')}: ${t('routes.editTitle', { number: saved.number })}`);
          if (wasNew) go({ name: 'route', id: saved.id, tab: 'points' });
          else void reload();
        }}
      />
      <ConfirmModal
        opened={deleting !== null}
        title={t('common.delete')}
        confirmLabel={t('common.delete')}
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && void remove(deleting)}
      >
        {deleting && t('routes.deleteConfirm', { number: deleting.number, name: deleting.name })}
      </ConfirmModal>
    </Screen>
  );
}
