import { Badge, Button, Group, Kbd, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { localToday } from '../../../shared/dates';
import {
  issueHows,
  operatorCancelReasons,
  warningKinds,
  warningStatuses,
  type IssueHow,
  type WarningKind,
  type WarningRow,
  type WarningStatus,
} from '../../../shared/contract/disconnection';
import { formatDate, formatMoney } from '../../../shared/i18n/format';
import { useApi } from '../../api/context';
import { usePagedRead } from '../../api/use-paged-read';
import { useAuth } from '../../app/AuthGate';
import { useHotkeys } from '../../app/hotkeys';
import { useRouter } from '../../app/router';
import { useStatus } from '../../app/status';
import { DataTable, type Column } from '../../components/DataTable';
import { DateField } from '../../components/DateField';
import { DateRangeFilter } from '../../components/DateRangeFilter';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ChoiceField, TextField } from '../../components/fields';
import { FormModal } from '../../components/FormModal';
import { PickSelect } from '../../components/PickSelect';
import { Screen } from '../../components/Screen';
import { useRouteOptions } from '../../components/options';
import { toggled } from '../../components/selection';
import { access, allows } from '../../../shared/contract/access';
import { useI18n } from '../../i18n/i18n';

const limit = 50;
type CancelReason = (typeof operatorCancelReasons)[number];
const statusColor: Record<WarningStatus, string> = { formed: 'blue', issued: 'orange', executed: 'red', cancelled: 'gray' };

/**
 * Робота з абонентом / Попередження про відключення: the register of warnings. Space or Insert
 * ticks a row, F4 issues the ticked warnings (or the active one), F6 previews their notices to
 * print, F8 cancels them. A batch is issued or cancelled whole or not at all, so a refusal names
 * the warning and nothing is half done.
 */
export function WarningsScreen() {
  const { t, locale } = useI18n();
  const { user } = useAuth();
  const [status, setStatus] = useState<'all' | WarningStatus>('all');
  const [kind, setKind] = useState<'all' | WarningKind>('all');
  const [dateFrom, setDateFrom] = useState('');
  const [dateTo, setDateTo] = useState('');
  const [routeId, setRouteId] = useState<number | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [active, setActive] = useState<WarningRow | undefined>();
  const [dialog, setDialog] = useState<{ action: 'issue' | 'cancel'; ids: number[] } | null>(null);
  const routes = useRouteOptions();
  const warnings = usePagedRead('warnings.list', { status, kind, dateFrom: dateFrom || null, dateTo: dateTo || null, routeId }, limit);
  const mayChange = allows(user.role, access['warnings.issue']);
  const { go } = useRouter();

  // The ticked rows, or the active one when none is ticked: one warning needs no ticking.
  const chosen = () => (selected.size > 0 ? [...selected] : active ? [active.id] : []);
  const open = (action: 'issue' | 'cancel') => {
    const ids = chosen();
    if (mayChange && ids.length > 0) setDialog({ action, ids });
  };
  // The notices of the ticked warnings (or the active one), in a preview to print or save; anyone
  // may look them over, as the route sheet, while printing is a master's.
  const printNotices = () => {
    const warningIds = chosen();
    if (warningIds.length > 0) go({ name: 'notices', of: { warningIds } });
  };
  const toggle = (row: WarningRow) => setSelected((set) => toggled(set, row.id));
  const done = () => {
    setDialog(null);
    setSelected(new Set());
  };
  useHotkeys({
    insert: () => active && toggle(active),
    f4: () => open('issue'),
    f6: printNotices,
    f8: () => open('cancel'),
  });

  const columns: Column<WarningRow>[] = [
    { key: 'account', header: t('warnings.account'), render: (w) => w.accountNumber, width: 90 },
    { key: 'name', header: t('warnings.name'), render: (w) => w.fullName },
    { key: 'address', header: t('warnings.address'), render: (w) => w.address },
    { key: 'kind', header: t('warnings.kind'), render: (w) => t(`warnings.kind.${w.kind}`), width: 120 },
    {
      key: 'status',
      header: t('warnings.status'),
      render: (w) => (
        <Badge variant="light" color={statusColor[w.status]}>
          {t(`warnings.status.${w.status}`)}
        </Badge>
      ),
      width: 130,
    },
    { key: 'asOf', header: t('warnings.asOf'), render: (w) => formatDate(w.asOf, locale), width: 100 },
    { key: 'debt', header: t('warnings.debt'), render: (w) => (w.debtKop === null ? '' : formatMoney(w.debtKop, locale)), align: 'right' },
    {
      key: 'issued',
      header: t('warnings.issuedOn'),
      render: (w) => (w.issuedOn && w.issuedHow ? `${formatDate(w.issuedOn, locale)}, ${t(`warnings.how.${w.issuedHow}`)}` : ''),
    },
    {
      key: 'received',
      header: t('warnings.receivedOn'),
      render: (w) => (w.receivedOn ? formatDate(w.receivedOn, locale) : ''),
      width: 100,
    },
    {
      key: 'cutoff',
      header: t('warnings.earliestCutoff'),
      render: (w) => (w.earliestCutoffOn ? formatDate(w.earliestCutoffOn, locale) : ''),
      width: 130,
    },
    {
      key: 'closed',
      header: t('warnings.closed'),
      render: (w) =>
        w.cancelReason && w.closedOn
          ? `${formatDate(w.closedOn, locale)}, ${t(`warnings.reason.${w.cancelReason}`)}${w.cancelNote ? `: ${w.cancelNote}` : ''}`
          : '',
    },
  ];

  return (
    <Screen
      title={t('warnings.title')}
      actions={
        <>
          <Button variant="default" onClick={printNotices} disabled={!active} rightSection={<Kbd size="xs">F6</Kbd>}>
            {t('warnings.printNotices', { count: selected.size })}
          </Button>
          {mayChange && (
            <>
              <Button onClick={() => open('issue')} disabled={!active} rightSection={<Kbd size="xs">F4</Kbd>}>
                {t('warnings.issue', { count: selected.size })}
              </Button>
              <Button
                variant="default"
                color="red"
                onClick={() => open('cancel')}
                disabled={!active}
                rightSection={<Kbd size="xs">F8</Kbd>}
              >
                {t('warnings.cancel', { count: selected.size })}
              </Button>
            </>
          )}
        </>
      }
    >
      <Group align="flex-end" gap="sm">
        <Select
          label={t('warnings.status')}
          value={status}
          onChange={(value) => setStatus(value ?? 'all')}
          data={[
            { value: 'all', label: t('warnings.all') },
            ...warningStatuses.map((value) => ({ value, label: t(`warnings.status.${value}`) })),
          ]}
          allowDeselect={false}
          w={170}
        />
        <Select
          label={t('warnings.kind')}
          value={kind}
          onChange={(value) => setKind(value ?? 'all')}
          data={[
            { value: 'all', label: t('warnings.all') },
            ...warningKinds.map((value) => ({ value, label: t(`warnings.kind.${value}`) })),
          ]}
          allowDeselect={false}
          w={170}
        />
        <DateRangeFilter from={dateFrom} to={dateTo} onFromChange={setDateFrom} onToChange={setDateTo} />
        <PickSelect<number> label={t('tasks.route')} data={routes} value={routeId} onChange={setRouteId} clearable allowDeselect w={280} />
      </Group>
      <ErrorAlert error={warnings.error} />
      <DataTable
        label={t('warnings.title')}
        testId="warnings-table"
        columns={columns}
        rows={warnings.rows}
        rowKey={(w) => w.id}
        page={warnings.page}
        selected={selected}
        onToggle={toggle}
        onActiveChange={setActive}
        emptyText={t('warnings.empty')}
      />
      <Text size="xs" c="dimmed">
        {t('warnings.keys', { count: selected.size })}
      </Text>
      {dialog?.action === 'issue' && <IssueForm ids={dialog.ids} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.action === 'cancel' && <CancelForm ids={dialog.ids} onClose={() => setDialog(null)} onDone={done} />}
    </Screen>
  );
}

interface FormProps {
  ids: number[];
  onClose: () => void;
  onDone: () => void;
}

/** How and when the notices went out; the received date and the earliest cut-off are the core's to compute. */
function IssueForm({ ids, onClose, onDone }: FormProps) {
  const { t } = useI18n();
  const api = useApi();
  const status = useStatus();
  const [how, setHow] = useState<IssueHow>('in_hand');
  const [issuedOn, setIssuedOn] = useState(localToday);
  const submit = async () => {
    const answer = await api.call('warnings.issue', { ids, how, issuedOn });
    status.show(t('warnings.issued', { count: answer.changed }));
    onDone();
  };
  return (
    <FormModal
      opened
      title={t('warnings.issueTitle', { count: ids.length })}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('warnings.issueSubmit')}
    >
      <ChoiceField
        label={t('warnings.how')}
        value={how}
        onValue={setHow}
        options={issueHows.map((value) => ({ value, label: t(`warnings.how.${value}`) }))}
      />
      {/* The date comes filled in with today; a different one is typed whole, so the first key replaces it. */}
      <DateField
        label={t('warnings.issueDate')}
        value={issuedOn}
        onValue={setIssuedOn}
        onFocus={(event) => event.currentTarget.select()}
        required
        w={180}
      />
    </FormModal>
  );
}

/** Why the warnings are called off; the operator's own reason is written out in the note. */
function CancelForm({ ids, onClose, onDone }: FormProps) {
  const { t } = useI18n();
  const api = useApi();
  const status = useStatus();
  const [reason, setReason] = useState<CancelReason>('restructured');
  const [note, setNote] = useState('');
  const submit = async () => {
    const answer = await api.call('warnings.cancel', { ids, reason, note });
    status.show(t('warnings.cancelled', { count: answer.changed }));
    onDone();
  };
  return (
    <FormModal
      opened
      danger
      title={t('warnings.cancelTitle', { count: ids.length })}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('warnings.cancelSubmit')}
    >
      <ChoiceField
        label={t('warnings.reason')}
        value={reason}
        onValue={setReason}
        options={operatorCancelReasons.map((value) => ({ value, label: t(`warnings.reason.${value}`) }))}
      />
      <TextField label={t('warnings.note')} value={note} onValue={setNote} maxLength={200} required={reason === 'operator'} />
    </FormModal>
  );
}
