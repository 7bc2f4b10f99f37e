import { Badge, Button, Group, Kbd, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { access, allows } from '../../../shared/contract/access';
import type { CheckDecision, CheckItem } from '../../../shared/contract/checks';
import { readingCheckCodes, type ReadingCheckCode } from '../../../shared/contract/validation';
import { formatDate, formatDateTime } from '../../../shared/i18n/format';
import { readingCheckSentence } from '../../../shared/i18n/reading-checks';
import { useApi } from '../../api/context';
import { usePagedRead } from '../../api/use-paged-read';
import { useAuth } from '../../app/AuthGate';
import { useHotkeys } from '../../app/hotkeys';
import { useStatus } from '../../app/status';
import { DataTable, type Column } from '../../components/DataTable';
import { DateRangeFilter } from '../../components/DateRangeFilter';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/fields';
import { FormModal } from '../../components/FormModal';
import { PickSelect } from '../../components/PickSelect';
import { Screen } from '../../components/Screen';
import { useRouteOptions } from '../../components/options';
import { useI18n } from '../../i18n/i18n';
import { useAccountCard } from '../accounts/AccountCardProvider';
import { ConsumptionChart } from './ConsumptionChart';

const limit = 50;
type Status = 'waiting' | 'decided' | 'all';
type Decision = Exclude<CheckDecision, 'superseded'>;
/** The keys of the decisions, as the buttons show them. */
const decisionKeys: [Decision, string][] = [
  ['confirmed', 'F2'],
  ['corrected', 'F4'],
  ['reread', 'F6'],
  ['estimated', 'F8'],
];
const decisionColor: Record<CheckDecision, string> = {
  confirmed: 'green',
  corrected: 'blue',
  reread: 'violet',
  estimated: 'orange',
  superseded: 'gray',
};

/**
 * Робота з абонентом / Контроль показників: every reading that failed a check, with why, the
 * point's last 24 months, and a master's decision on it — F2 confirm, F4 correct the value, F6 a
 * control re-read in the route's next task, F8 estimated for billing. Nothing leaves the waiting
 * list without a decision and its author.
 */
export function CheckQueueScreen() {
  const { t, locale, number } = useI18n();
  const { user } = useAuth();
  const card = useAccountCard();
  const [status, setStatus] = useState<Status>('waiting');
  const [check, setCheck] = useState<ReadingCheckCode | null>(null);
  const [dateFrom, setDateFrom] = useState('');
  const [dateTo, setDateTo] = useState('');
  const [routeId, setRouteId] = useState<number | null>(null);
  const [active, setActive] = useState<CheckItem | undefined>();
  const [deciding, setDeciding] = useState<{ item: CheckItem; decision: Decision } | null>(null);
  const routes = useRouteOptions();
  const queue = usePagedRead('checks.list', { status, check, dateFrom: dateFrom || null, dateTo: dateTo || null, routeId }, limit);
  const mayDecide = allows(user.role, access['checks.decide']);
  const undecided = active !== undefined && active.decision === null;

  const decide = (decision: Decision) => {
    if (mayDecide && active && active.decision === null) setDeciding({ item: active, decision });
  };
  useHotkeys(
    {
      f2: () => decide('confirmed'),
      f4: () => decide('corrected'),
      f6: () => decide('reread'),
      f8: () => decide('estimated'),
      f3: () => active && card.open(active.accountId),
    },
    { enabled: deciding === null },
  );

  const amount = (value: number | null, item: CheckItem) => (value === null ? '' : `${number(value)} ${t(`unit.${item.commodity}`)}`);
  const columns: Column<CheckItem>[] = [
    { key: 'date', header: t('checks.takenOn'), render: (c) => formatDate(c.takenOn, locale), width: 100 },
    { key: 'account', header: t('warnings.account'), render: (c) => c.accountNumber, width: 90 },
    { key: 'name', header: t('warnings.name'), render: (c) => c.fullName },
    { key: 'address', header: t('warnings.address'), render: (c) => c.address },
    { key: 'value', header: t('checks.value'), render: (c) => number(c.value), align: 'right', width: 100 },
    { key: 'consumption', header: t('checks.consumption'), render: (c) => amount(c.consumption, c), align: 'right', width: 120 },
    { key: 'expected', header: t('checks.expected'), render: (c) => amount(c.expected, c), align: 'right', width: 120 },
    {
      key: 'checks',
      header: t('checks.failed'),
      render: (c) => (
        <Group gap={4}>
          {c.checks.map((k) => (
            <Badge key={k.code} variant="light" color="red" size="sm">
              {t(`checks.code.${k.code}`)}
            </Badge>
          ))}
        </Group>
      ),
    },
    {
      key: 'decision',
      header: t('checks.decision'),
      render: (c) =>
        c.decision && (
          <Badge variant="light" color={decisionColor[c.decision]}>
            {t(`checks.decision.${c.decision}`)}
          </Badge>
        ),
      width: 150,
    },
  ];

  return (
    <Screen
      title={t('checks.title')}
      actions={
        mayDecide &&
        decisionKeys.map(([decision, key]) => (
          <Button
            key={decision}
            variant={decision === 'confirmed' ? 'filled' : 'default'}
            onClick={() => decide(decision)}
            disabled={!undecided}
            rightSection={<Kbd size="xs">{key}</Kbd>}
          >
            {t(`checks.do.${decision}`)}
          </Button>
        ))
      }
    >
      <Group align="flex-end" gap="sm">
        <Select
          label={t('checks.status')}
          value={status}
          onChange={(value) => setStatus(value ?? 'waiting')}
          data={(['waiting', 'decided', 'all'] as const).map((value) => ({ value, label: t(`checks.status.${value}`) }))}
          allowDeselect={false}
          w={200}
          data-testid="checks-status"
        />
        <Select
          label={t('checks.failed')}
          value={check}
          onChange={(value) => setCheck(value)}
          data={readingCheckCodes.map((value) => ({ value, label: t(`checks.code.${value}`) }))}
          clearable
          w={220}
        />
        <DateRangeFilter from={dateFrom} to={dateTo} onFromChange={setDateFrom} onToChange={setDateTo} />
        <PickSelect<number> label={t('tasks.route')} data={routes} value={routeId} onChange={setRouteId} clearable allowDeselect w={260} />
      </Group>
      <ErrorAlert error={queue.error} />
      <DataTable
        label={t('checks.title')}
        testId="checks-table"
        columns={columns}
        rows={queue.rows}
        rowKey={(c) => c.id}
        page={queue.page}
        onActiveChange={setActive}
        emptyText={status === 'waiting' ? t('checks.emptyWaiting') : t('checks.empty')}
      />
      <Text size="xs" c="dimmed">
        {t(mayDecide ? 'checks.keys' : 'checks.keysRead')}
      </Text>
      {active && <CheckDetail item={active} />}
      {deciding && <DecisionForm {...deciding} onClose={() => setDeciding(null)} />}
    </Screen>
  );
}

/** Why the reading stopped, what became of it, and the point's consumption over two years. */
function CheckDetail({ item }: { item: CheckItem }) {
  const { t, locale, number } = useI18n();
  return (
    <Paper withBorder p="sm" data-testid="check-detail" data-check={item.id}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('checks.detailTitle', { account: item.accountNumber, name: item.fullName, date: formatDate(item.takenOn, locale) })}
        </Title>
        {item.checks.map((c) => (
          <Text key={c.code} data-testid="check-sentence">
            {readingCheckSentence(c, locale, t(`unit.${item.commodity}`))}
          </Text>
        ))}
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing={4}>
          <Text size="sm">{t('checks.enteredBy', { user: item.enteredBy ?? '—', at: formatDateTime(item.queuedAt, locale) })}</Text>
          <Text size="sm">
            {item.taskDate
              ? t('checks.task', {
                  date: formatDate(item.taskDate, locale),
                  controller: item.controller ?? '—',
                  route: item.routeNumber ?? '—',
                })
              : ''}
          </Text>
          {item.currentValue !== null && item.currentValue !== item.value && (
            <Text size="sm">{t('checks.nowValue', { value: number(item.currentValue) })}</Text>
          )}
          {item.decision && (
            <Text size="sm" data-testid="check-decided">
              {t('checks.decidedBy', {
                decision: t(`checks.decision.${item.decision}`),
                user: item.decidedBy ?? '—',
                at: item.decidedAt ? formatDateTime(item.decidedAt, locale) : '',
              })}
              {item.note ? ` — ${item.note}` : ''}
            </Text>
          )}
          {item.decision === 'reread' && (
            <Text size="sm">
              {item.reread
                ? t('checks.rereadIn', { date: formatDate(item.reread.taskDate, locale), seq: item.reread.seq })
                : t('checks.rereadWaiting')}
            </Text>
          )}
        </SimpleGrid>
        <ConsumptionChart pointId={item.pointId} asOf={item.takenOn} highlightOn={item.takenOn} />
      </Stack>
    </Paper>
  );
}

/** A decision on one reading: the right value for a correction, a note for any of them. */
function DecisionForm({ item, decision, onClose }: { item: CheckItem; decision: Decision; onClose: () => void }) {
  const { t, number } = useI18n();
  const api = useApi();
  const status = useStatus();
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const submit = async () => {
    const decided = await api.call('checks.decide', { id: item.id, decision, value: decision === 'corrected' ? value : null, note });
    status.show(
      decided.decision === 'reread' && !decided.reread
        ? t('checks.doneRereadWaiting', { account: decided.accountNumber })
        : t('checks.done', { account: decided.accountNumber, decision: t(`checks.decision.${decision}`) }),
    );
    onClose();
  };
  return (
    <FormModal opened title={t(`checks.do.${decision}`)} onClose={onClose} onSubmit={submit} submitLabel={t('checks.submit')}>
      <Text size="sm">{t('checks.formLine', { account: item.accountNumber, name: item.fullName, value: number(item.value) })}</Text>
      <Text size="sm" c="dimmed">
        {t(`checks.explain.${decision}`)}
      </Text>
      {decision === 'corrected' && (
        <TextField
          label={t('checks.rightValue')}
          value={value}
          onValue={setValue}
          inputMode="numeric"
          autoComplete="off"
          required
          data-autofocus
          data-testid="check-value"
        />
      )}
      <TextField
        label={t('checks.note')}
        value={note}
        onValue={setNote}
        maxLength={500}
        {...(decision === 'corrected' ? {} : { 'data-autofocus': true })}
        data-testid="check-note"
      />
    </FormModal>
  );
}
