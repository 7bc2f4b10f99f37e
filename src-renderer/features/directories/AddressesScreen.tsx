import { Button, Group, Kbd, Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { TextField } from '../../components/fields';
import { skipToken } from '@tanstack/react-query';
import { Fragment, useState, type ReactNode } from 'react';
import { settlementKinds, streetKinds, type HouseRow, type SettlementRow, type StreetRow } from '../../../shared/contract/directories';
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

type Pane = 'settlements' | 'streets' | 'houses';
type Editing =
  | { pane: 'settlements'; row?: SettlementRow | undefined }
  | { pane: 'streets'; row?: StreetRow | undefined }
  | { pane: 'houses'; row?: HouseRow | undefined };

/**
 * Довідники / Населені пункти, вулиці, будинки: three lists side by side; moving through one
 * fills the next. Insert adds and F2 edits in the list that has the focus.
 */
export function AddressesScreen() {
  const { t } = useI18n();
  const status = useStatus();
  const [settlement, setSettlement] = useState<SettlementRow | undefined>();
  const [street, setStreet] = useState<StreetRow | undefined>();
  const [house, setHouse] = useState<HouseRow | undefined>();
  const [focused, setFocused] = useState<Pane>('settlements');
  const editing = useEditing<Editing>();

  const settlements = useRead('settlements.list', {});
  const streets = useRead('streets.list', settlement ? { settlementId: settlement.id } : skipToken);
  const houses = useRead('houses.list', street ? { streetId: street.id } : skipToken);

  const add = (pane: Pane) => {
    if (pane === 'streets' && !settlement) return;
    if (pane === 'houses' && !street) return;
    editing.open({ pane });
  };
  const edit = (pane: Pane) => {
    if (pane === 'settlements' && settlement) editing.open({ pane, row: settlement });
    if (pane === 'streets' && street) editing.open({ pane, row: street });
    if (pane === 'houses' && house) editing.open({ pane, row: house });
  };
  useHotkeys({ insert: () => add(focused), f2: () => edit(focused) });

  const saved = (label: string) => {
    editing.close();
    status.show(`${t('common.saved')}: ${label}`);
  };
  const form = { opened: editing.opened, onClose: editing.close };

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
    rows: T[] = [],
    onActive: (row: T | undefined) => void,
  ) => <DataTable label={label} testId={testId} columns={columns} rows={rows} rowKey={(row) => row.id} onActiveChange={onActive} />;

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
      <Fragment key={editing.key}>
        {editing.row?.pane === 'settlements' && <SettlementForm {...form} row={editing.row.row} onSaved={(row) => saved(row.name)} />}
        {editing.row?.pane === 'streets' && settlement && (
          <StreetForm {...form} row={editing.row.row} settlementId={settlement.id} onSaved={(row) => saved(`${row.kind} ${row.name}`)} />
        )}
        {editing.row?.pane === 'houses' && street && (
          <HouseForm {...form} row={editing.row.row} streetId={street.id} onSaved={(row) => saved(row.number)} />
        )}
      </Fragment>
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

function NameField({ value, onChange }: { value: string; onChange: (name: string) => void }) {
  const { t } = useI18n();
  return <TextField label={t('addresses.name')} value={value} onValue={onChange} required maxLength={100} data-autofocus />;
}

function KindField<K extends string>({ kinds, value, onChange }: { kinds: readonly K[]; value: K; onChange: (kind: K) => void }) {
  const { t } = useI18n();
  return (
    <Select
      label={t('addresses.kind')}
      data={[...kinds]}
      value={value}
      onChange={(picked) => picked && onChange(picked)}
      allowDeselect={false}
    />
  );
}

const pickKind = <K extends string>(kinds: readonly K[], kind: string | undefined, fallback: K): K =>
  (kinds as readonly string[]).includes(kind ?? '') ? (kind as K) : fallback;

function SettlementForm({ opened, row, onClose, onSaved }: EditFormProps<SettlementRow>) {
  const { t } = useI18n();
  const api = useApi();
  const [name, setName] = useState(row?.name ?? '');
  const [kind, setKind] = useState(pickKind(settlementKinds, row?.kind, 'село'));
  return (
    <FormModal
      opened={opened}
      title={row?.name ?? t('addresses.newSettlement')}
      onClose={onClose}
      onSubmit={async () => onSaved(await api.call('settlements.save', { ...(row ? { id: row.id } : {}), name, kind }))}
    >
      <NameField value={name} onChange={setName} />
      <KindField kinds={settlementKinds} value={kind} onChange={setKind} />
    </FormModal>
  );
}

function StreetForm({ opened, row, settlementId, onClose, onSaved }: EditFormProps<StreetRow> & { settlementId: number }) {
  const { t } = useI18n();
  const api = useApi();
  const [name, setName] = useState(row?.name ?? '');
  const [kind, setKind] = useState(pickKind(streetKinds, row?.kind, 'вул.'));
  return (
    <FormModal
      opened={opened}
      title={row ? `${row.kind} ${row.name}` : t('addresses.newStreet')}
      onClose={onClose}
      onSubmit={async () => onSaved(await api.call('streets.save', { ...(row ? { id: row.id } : {}), settlementId, name, kind }))}
    >
      <KindField kinds={streetKinds} value={kind} onChange={setKind} />
      <NameField value={name} onChange={setName} />
    </FormModal>
  );
}

function HouseForm({ opened, row, streetId, onClose, onSaved }: EditFormProps<HouseRow> & { streetId: number }) {
  const { t } = useI18n();
  const api = useApi();
  const [number, setNumber] = useState(row?.number ?? '');
  return (
    <FormModal
      opened={opened}
      title={row?.number ?? t('addresses.newHouse')}
      onClose={onClose}
      onSubmit={async () => onSaved(await api.call('houses.save', { ...(row ? { id: row.id } : {}), streetId, number }))}
    >
      <TextField
        label={t('addresses.number')}
        value={number}
        onValue={setNumber}
        required
        maxLength={20}
        data-autofocus
        placeholder="12, 12а, 12/1"
      />
    </FormModal>
  );
}
