import { Button, Group, Kbd, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { settlementKinds, streetKinds, type HouseRow, type SettlementRow, type StreetRow } from '../../../shared/contract/directories';
import { useApi } from '../../api/context';
import { useHotkeys } from '../../app/hotkeys';
import { useStatus } from '../../app/status';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { Screen } from '../../components/Screen';
import { useQuery } from '../../components/use-query';
import { useI18n } from '../../i18n/i18n';

type Pane = 'settlements' | 'streets' | 'houses';
type Editing = { pane: 'settlements'; row?: SettlementRow } | { pane: 'streets'; row?: StreetRow } | { pane: 'houses'; row?: HouseRow };

/**
 * Довідники / Населені пункти, вулиці, будинки: three lists side by side; moving through one
 * fills the next. Insert adds and F2 edits in the list that has the focus.
 */
export function AddressesScreen() {
  const { t } = useI18n();
  const api = useApi();
  const status = useStatus();
  const [settlement, setSettlement] = useState<SettlementRow | undefined>();
  const [street, setStreet] = useState<StreetRow | undefined>();
  const [house, setHouse] = useState<HouseRow | undefined>();
  const [focused, setFocused] = useState<Pane>('settlements');
  const [editing, setEditing] = useState<Editing | null>(null);

  const settlements = useQuery(() => api.call('settlements.list', {}), []);
  const streets = useQuery(
    async (): Promise<StreetRow[]> => (settlement ? api.call('streets.list', { settlementId: settlement.id }) : []),
    [settlement?.id],
  );
  const houses = useQuery(async (): Promise<HouseRow[]> => (street ? api.call('houses.list', { streetId: street.id }) : []), [street?.id]);

  const add = (pane: Pane) => {
    if (pane === 'streets' && !settlement) return;
    if (pane === 'houses' && !street) return;
    setEditing({ pane });
  };
  const edit = (pane: Pane) => {
    if (pane === 'settlements' && settlement) setEditing({ pane, row: settlement });
    if (pane === 'streets' && street) setEditing({ pane, row: street });
    if (pane === 'houses' && house) setEditing({ pane, row: house });
  };
  useHotkeys({ insert: () => add(focused), f2: () => edit(focused) });

  const saved = (label: string, reload: () => Promise<void>) => {
    setEditing(null);
    status.show(`${t('common.saved')}: ${label}`);
    void reload();
  };

  const paneProps = (pane: Pane) => ({ onFocusCapture: () => setFocused(pane), onAdd: () => add(pane), onEdit: () => edit(pane) });
  const settlementColumns: Column<SettlementRow>[] = [
    { key: 'name', header: t('addresses.name'), render: (s) => s.name },
    { key: 'kind', header: t('addresses.kind'), render: (s) => s.kind, width: 80 },
    { key: 'streets', header: t('addresses.streets'), render: (s) => s.streetCount, width: 70, align: 'right' },
  ];
  const streetColumns: Column<StreetRow>[] = [
    { key: 'name', header: t('addresses.name'), render: (s) => `${s.kind} ${s.name}` },
    { key: 'houses', header: t('addresses.houses'), render: (s) => s.houseCount, width: 80, align: 'right' },
    { key: 'points', header: t('accounts.points'), render: (s) => s.pointCount, width: 70, align: 'right' },
  ];
  const houseColumns: Column<HouseRow>[] = [
    { key: 'number', header: t('addresses.number'), render: (h) => h.number },
    { key: 'points', header: t('accounts.points'), render: (h) => h.pointCount, width: 70, align: 'right' },
  ];

  const table = <T extends { id: number }>(
    label: string,
    testId: string,
    columns: Column<T>[],
    rows: T[] | undefined,
    onActive: (row: T | undefined) => void,
  ) => (
    <DataTable
      label={label}
      testId={testId}
      columns={columns}
      rows={rows ?? []}
      rowKey={(row) => row.id}
      total={rows?.length ?? 0}
      offset={0}
      limit={Math.max(rows?.length ?? 0, 1)}
      onActiveChange={onActive}
    />
  );

  return (
    <Screen title={t('addresses.title')}>
      <ErrorAlert error={settlements.error ?? streets.error ?? houses.error} />
      <SimpleGrid cols={3} spacing="md">
        <PaneFrame title={t('addresses.settlements')} {...paneProps('settlements')} canAdd canEdit={!!settlement}>
          {table(t('addresses.settlements'), 'settlements-table', settlementColumns, settlements.data, setSettlement)}
        </PaneFrame>
        <PaneFrame title={t('addresses.streets')} {...paneProps('streets')} canAdd={!!settlement} canEdit={!!street}>
          {table(t('addresses.streets'), 'streets-table', streetColumns, streets.data, setStreet)}
        </PaneFrame>
        <PaneFrame title={t('addresses.houses')} {...paneProps('houses')} canAdd={!!street} canEdit={!!house}>
          {table(t('addresses.houses'), 'houses-table', houseColumns, houses.data, setHouse)}
        </PaneFrame>
      </SimpleGrid>
      <SettlementForm
        editing={editing?.pane === 'settlements' ? editing : null}
        onClose={() => setEditing(null)}
        onSaved={(row) => saved(row.name, settlements.reload)}
      />
      <StreetForm
        editing={editing?.pane === 'streets' && settlement ? editing : null}
        settlementId={settlement?.id ?? 0}
        onClose={() => setEditing(null)}
        onSaved={(row) => saved(`${row.kind} ${row.name}`, streets.reload)}
      />
      <HouseForm
        editing={editing?.pane === 'houses' && street ? editing : null}
        streetId={street?.id ?? 0}
        onClose={() => setEditing(null)}
        onSaved={(row) => saved(row.number, houses.reload)}
      />
    </Screen>
  );
}

function PaneFrame(props: {
  title: string;
  children: ReactNode;
  canAdd: boolean;
  canEdit: boolean;
  onAdd: () => void;
  onEdit: () => void;
  onFocusCapture: () => void;
}) {
  const { t } = useI18n();
  return (
    <Stack gap="xs" onFocusCapture={props.onFocusCapture} className="address-pane">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {props.title}
        </Title>
        <Group gap={4}>
          <Button size="compact-sm" tabIndex={-1} disabled={!props.canAdd} onClick={props.onAdd} rightSection={<Kbd size="xs">Ins</Kbd>}>
            {t('common.add')}
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            tabIndex={-1}
            disabled={!props.canEdit}
            onClick={props.onEdit}
            rightSection={<Kbd size="xs">F2</Kbd>}
          >
            {t('common.edit')}
          </Button>
        </Group>
      </Group>
      {props.children}
    </Stack>
  );
}

function SettlementForm({
  editing,
  onClose,
  onSaved,
}: {
  editing: { row?: SettlementRow } | null;
  onClose: () => void;
  onSaved: (row: SettlementRow) => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<(typeof settlementKinds)[number]>('село');
  useEffect(() => {
    if (!editing) return;
    setName(editing.row?.name ?? '');
    setKind((settlementKinds as readonly string[]).includes(editing.row?.kind ?? '') ? (editing.row?.kind as typeof kind) : 'село');
  }, [editing]);
  return (
    <FormModal
      opened={editing !== null}
      title={editing?.row?.name ?? t('addresses.newSettlement')}
      onClose={onClose}
      onSubmit={async () => onSaved(await api.call('settlements.save', { ...(editing?.row ? { id: editing.row.id } : {}), name, kind }))}
    >
      <TextInput
        label={t('addresses.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        required
        maxLength={100}
        data-autofocus
      />
      <Select
        label={t('addresses.kind')}
        data={[...settlementKinds]}
        value={kind}
        onChange={(value) => value && setKind(value)}
        allowDeselect={false}
      />
    </FormModal>
  );
}

function StreetForm(props: {
  editing: { row?: StreetRow } | null;
  settlementId: number;
  onClose: () => void;
  onSaved: (row: StreetRow) => void;
}) {
  const { editing, settlementId, onClose, onSaved } = props;
  const { t } = useI18n();
  const api = useApi();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<(typeof streetKinds)[number]>('вул.');
  useEffect(() => {
    if (!editing) return;
    setName(editing.row?.name ?? '');
    setKind((streetKinds as readonly string[]).includes(editing.row?.kind ?? '') ? (editing.row?.kind as typeof kind) : 'вул.');
  }, [editing]);
  return (
    <FormModal
      opened={editing !== null}
      title={editing?.row ? `${editing.row.kind} ${editing.row.name}` : t('addresses.newStreet')}
      onClose={onClose}
      onSubmit={async () =>
        onSaved(await api.call('streets.save', { ...(editing?.row ? { id: editing.row.id } : {}), settlementId, name, kind }))
      }
    >
      <Select
        label={t('addresses.kind')}
        data={[...streetKinds]}
        value={kind}
        onChange={(value) => value && setKind(value)}
        allowDeselect={false}
      />
      <TextInput
        label={t('addresses.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        required
        maxLength={100}
        data-autofocus
      />
    </FormModal>
  );
}

function HouseForm(props: { editing: { row?: HouseRow } | null; streetId: number; onClose: () => void; onSaved: (row: HouseRow) => void }) {
  const { editing, streetId, onClose, onSaved } = props;
  const { t } = useI18n();
  const api = useApi();
  const [number, setNumber] = useState('');
  useEffect(() => {
    if (editing) setNumber(editing.row?.number ?? '');
  }, [editing]);
  return (
    <FormModal
      opened={editing !== null}
      title={editing?.row?.number ?? t('addresses.newHouse')}
      onClose={onClose}
      onSubmit={async () => onSaved(await api.call('houses.save', { ...(editing?.row ? { id: editing.row.id } : {}), streetId, number }))}
    >
      <TextInput
        label={t('addresses.number')}
        value={number}
        onChange={(e) => setNumber(e.currentTarget.value)}
        required
        maxLength={20}
        data-autofocus
        placeholder="12, 12а, 12/1"
      />
    </FormModal>
  );
}
