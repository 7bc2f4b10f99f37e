import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { EntryCheck, EntryPosition, EntrySession, EntrySummary } from '../../../shared/contract/entry';
import type { Input } from '../../../shared/contract/index';
import { localToday } from '../../../shared/dates';
import { formatDate, formatDateTime } from '../../../shared/i18n/format';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { useRead } from '../../api/use-read';
import { useHotkeys } from '../../app/hotkeys';
import { useRouter } from '../../app/router';
import { useStatus } from '../../app/status';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { useI18n } from '../../i18n/i18n';
import { useAccountCard } from '../accounts/AccountCardProvider';
import { PlausibilityDialog, type Confirmation } from './PlausibilityDialog';
import { replayKeys, useKeyQueue, type EntryFocus } from './type-ahead';

type SaveRequest = Input<'entry.save'>;
type Mode = 'idle' | 'busy' | 'dialog';

/**
 * Робота з абонентом / Завдання та попередження / Виконання завдань. The loop: digits into
 * Показник, Enter to Виконати, Enter saves and the next position appears with the cursor back in
 * Показник. Keys typed while a save is in flight wait in a queue and go to the next position.
 */
export function EntryScreen({ taskId }: { taskId: number }) {
  const { t } = useI18n();
  // The form keeps its session in step from the save answers, so writes do not refetch it, and it
  // is read afresh on every visit (gcTime 0): the loop must start from where the task stands now.
  const session = useRead('entry.open', { taskId }, { meta: keptInStep, gcTime: 0 });
  const reasons = useRead('reasons.list', {}, { meta: keptInStep });
  const problems = useRead('problems.list', {}, { meta: keptInStep });
  if (session.error) return <ErrorAlert error={session.error} />;
  if (!session.data || !reasons.data || !problems.data) return <Text p="md">{t('app.loading')}</Text>;
  return <EntryForm session={session.data} reasons={reasons.data} problemList={problems.data} />;
}

interface FormProps {
  session: EntrySession;
  reasons: { code: number; name: string }[];
  problemList: { code: number; name: string }[];
}

function EntryForm({ session, reasons, problemList }: FormProps) {
  const { t, number, locale } = useI18n();
  const api = useApi();
  const { go } = useRouter();
  const status = useStatus();
  const card = useAccountCard();
  const unit = t(`unit.${session.commodity}`);

  const [position, setPosition] = useState<EntryPosition | null>(null);
  const [summary, setSummary] = useState<EntrySummary>(session.summary);
  const [finished, setFinished] = useState(session.firstOpenSeq === null);
  const [value, setValue] = useState('');
  const [reason, setReason] = useState<number | null>(null);
  const [ticked, setTicked] = useState<number[]>([]);
  const [note, setNote] = useState('');
  const [checkedOn, setCheckedOn] = useState(() => minDate(session.taskDate, localToday()));
  const [max, setMax] = useState<number | string>(session.maxConsumption);
  const [dialog, setDialog] = useState<{ check: EntryCheck; request: SaveRequest; error: ApiError | null } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [jumping, setJumping] = useState(false);

  // The engine reads and writes through refs: saves and replays run between renders.
  const mode = useRef<Mode>('busy');
  const fields = useRef({ position, value, reason, ticked, note, checkedOn, max });
  fields.current = { position, value, reason, ticked, note, checkedOn, max };
  const valueInput = useRef<HTMLInputElement>(null);
  const executeButton = useRef<HTMLButtonElement>(null);
  // A dialog is deaf for its first moments: keys arriving then were typed before anyone could
  // have read it, so they wait for the next position instead of answering it.
  const armedAt = useRef(0);
  const [armed, setArmed] = useState(false);
  const queue = useKeyQueue(() => mode.current === 'busy' || (mode.current === 'dialog' && performance.now() < armedAt.current));

  const focus = (target: EntryFocus) => (target === 'value' && !fields.current.reason ? valueInput : executeButton).current?.focus();

  /** Shows a position and hands it the keys typed while it was on its way. */
  const show = (next: EntryPosition) => {
    flushSync(() => {
      setPosition(next);
      setReason(next.reasonCode);
      setTicked(next.problems);
      setNote(next.note);
      setError(null);
      setDialog(null);
      setFinished(false);
    });
    const replay = replayKeys(queue.current.splice(0), { focus: 'value', value: next.value === null ? '' : String(next.value) });
    flushSync(() => setValue(replay.value));
    fields.current.value = replay.value;
    mode.current = 'idle';
    focus(replay.focus);
    if (replay.commit) {
      queue.current.unshift(...replay.rest);
      commit();
    }
  };

  /** Back to Показник of the same position; keys typed for the next one are void and said so. */
  const backToValue = (caught: ApiError | null) => {
    const dropped = queue.current.splice(0).length;
    mode.current = 'idle';
    flushSync(() => {
      setError(caught);
      setDialog(null);
    });
    if (dropped > 0) status.show(t('entry.dropped', { count: dropped }), 'error');
    focus('value');
    valueInput.current?.select();
  };

  const send = async (request: SaveRequest) => {
    mode.current = 'busy';
    try {
      const answer = await api.call('entry.save', request);
      setSummary(answer.summary);
      if (answer.next) return show(answer.next);
      queue.current.length = 0;
      mode.current = 'idle';
      flushSync(() => {
        setPosition(answer.saved);
        setDialog(null);
        setFinished(true);
      });
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      const check = caught.details as EntryCheck | undefined;
      if ((caught.code === 'entry.overMax' || caught.code === 'entry.belowPrevious') && check) {
        // The dialog takes only the keys pressed once it is there; earlier ones wait for the next position.
        mode.current = 'dialog';
        armedAt.current = performance.now() + dialogArmMs;
        flushSync(() => {
          setArmed(false);
          setDialog({ check, request, error: null });
        });
        setTimeout(() => setArmed(true), dialogArmMs);
      } else if (caught.code === 'entry.retypeMismatch' && mode.current === 'busy' && dialog) {
        mode.current = 'dialog';
        flushSync(() => setDialog({ ...dialog, error: caught }));
      } else backToValue(caught);
    }
  };

  const commit = () => {
    const f = fields.current;
    if (mode.current !== 'idle' || !f.position) return;
    const outcome: SaveRequest['outcome'] = f.reason ? { kind: 'reason', reasonCode: f.reason } : { kind: 'reading', value: f.value };
    void send({
      positionId: f.position.positionId,
      checkedOn: f.checkedOn,
      maxConsumption: Number(f.max) || 0,
      outcome,
      problems: f.ticked,
      note: f.note,
    });
  };

  const confirmDialog = (confirmation: Confirmation) => {
    if (!dialog || dialog.request.outcome.kind !== 'reading') return;
    const request = { ...dialog.request, outcome: { ...dialog.request.outcome, ...confirmation } };
    setDialog({ ...dialog, request });
    void send(request);
  };

  const load = async (seq: number) => {
    if (mode.current !== 'idle' || seq < 1 || seq > session.total) return;
    mode.current = 'busy';
    try {
      show(await api.call('entry.position', { taskId: session.taskId, seq }));
    } catch (caught) {
      if (caught instanceof ApiError) backToValue(caught);
    }
  };

  const start = useEffectEvent(() => {
    mode.current = 'idle';
    void load(session.firstOpenSeq ?? 1);
  });
  useEffect(() => start(), []);

  useHotkeys(
    {
      f8: () => document.querySelector<HTMLInputElement>('[data-entry="reason"]')?.focus(),
      f6: () => document.querySelector<HTMLInputElement>('[data-entry="problems"] input')?.focus(),
      f3: () => position && card.open(position.accountId),
      pageup: () => position && void load(position.seq - 1),
      pagedown: () => position && void load(position.seq + 1),
      'ctrl+g': () => setJumping(true),
    },
    { enabled: !dialog },
  );

  const previous = position?.previous ?? null;
  const typed = /^\d+$/.test(value.trim()) ? Number(value.trim()) : null;
  const consumption = typed !== null && previous ? typed - previous.value : null;

  return (
    <Stack gap="sm" p="md" maw={1100}>
      <Group justify="space-between" align="flex-start">
        <Title order={2} size="h4">
          {t('entry.title', { number: session.routeNumber, name: session.routeName, date: formatDate(session.taskDate, locale) })}
        </Title>
        <Button variant="default" tabIndex={-1} onClick={() => go({ name: 'tasks', purpose: 'entry' })}>
          {t('entry.toTasks')}
        </Button>
      </Group>
      <Group gap="md" align="flex-end">
        <NumberInput
          label={`${t('entry.max')}, ${unit}`}
          value={max}
          onChange={setMax}
          min={1}
          max={10_000_000}
          w={200}
          hideControls
          data-testid="entry-max"
        />
        <TextInput
          type="date"
          label={t('entry.date')}
          value={checkedOn}
          onChange={(e) => setCheckedOn(e.currentTarget.value)}
          w={180}
          data-testid="entry-date"
        />
        <Text size="sm" c="dimmed" data-testid="entry-progress">
          {t('entry.progress', { ...summary })}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" data-testid="entry-legend">
        {t('entry.legend')}
      </Text>
      {finished && (
        <Alert color="green" title={t('entry.finished')} data-testid="entry-summary">
          <Stack gap={2}>
            <Text>{t('entry.summaryExecuted', { count: summary.executed })}</Text>
            <Text>{t('entry.summaryNotExecuted', { count: summary.notExecuted })}</Text>
            {summary.byReason.map((r) => (
              <Text key={r.code} pl="md">
                {r.code}. {r.name}: {r.count}
              </Text>
            ))}
            <Text>{t('entry.summaryOverMax', { count: summary.overMaxAccepted })}</Text>
            <Text>{t('entry.summaryBelow', { count: summary.belowPrevious + summary.rollovers, rollovers: summary.rollovers })}</Text>
          </Stack>
        </Alert>
      )}
      {position && (
        <Paper withBorder p="md" data-testid="entry-position" data-seq={position.seq}>
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h5" data-testid="entry-seq">
              {t('entry.position', { seq: position.seq, total: position.total })}
            </Title>
            <Badge color={position.status === 'executed' ? 'green' : position.status === 'not_executed' ? 'orange' : 'gray'}>
              {t(
                position.status === 'executed'
                  ? 'entry.statusExecuted'
                  : position.status === 'not_executed'
                    ? 'entry.statusNotExecuted'
                    : 'entry.statusNew',
              )}
            </Badge>
          </Group>
          <SimpleGrid cols={2} spacing={4} mb="sm">
            <Field label={t('entry.account')}>
              <Anchor
                component="button"
                type="button"
                tabIndex={-1}
                onClick={() => card.open(position.accountId)}
                data-testid="entry-account"
              >
                {position.accountNumber}
              </Anchor>
            </Field>
            <Field label={t('entry.name')}>{position.fullName}</Field>
            <Field label={t('entry.address')}>{position.address}</Field>
            <Field label={t('entry.meter')}>
              {position.meterSerial
                ? t('entry.meterLine', { serial: position.meterSerial, digits: position.meterDigits })
                : t('common.none')}
            </Field>
            <Field label={t('entry.previous')}>
              <span data-testid="entry-previous">
                {previous ? `${previous.value} (${formatDate(previous.takenOn, locale)})` : t('entry.noPrevious')}
              </span>
            </Field>
            <Field label={`${t('entry.consumption')}, ${unit}`}>
              <Text
                fw={700}
                c={consumption !== null && (consumption < 0 || consumption > (Number(max) || 0)) ? 'red' : undefined}
                data-testid="entry-consumption"
              >
                {consumption === null ? t('common.none') : number(consumption)}
              </Text>
            </Field>
          </SimpleGrid>
          <Group align="flex-end" gap="md">
            <TextInput
              ref={valueInput}
              label={t('entry.value')}
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  focus('execute');
                }
              }}
              disabled={reason !== null}
              inputMode="numeric"
              autoComplete="off"
              size="lg"
              w={220}
              error={error?.field === 'value' ? error.message : undefined}
              data-testid="entry-value"
            />
            <Button
              ref={executeButton}
              size="lg"
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  commit();
                }
              }}
              onClick={commit}
              data-testid="entry-execute"
            >
              {t('entry.execute')}
            </Button>
            <Select
              label={`${t('entry.reason')} (F8)`}
              data={reasons.map((r) => ({ value: String(r.code), label: `${r.code}. ${r.name}` }))}
              value={reason === null ? null : String(reason)}
              onChange={(picked) => {
                flushSync(() => setReason(picked === null ? null : Number(picked)));
                focus(picked === null ? 'value' : 'execute');
              }}
              searchable
              clearable
              selectFirstOptionOnChange
              w={320}
              data-entry="reason"
              tabIndex={-1}
            />
          </Group>
          {error && error.field !== 'value' && <ErrorAlert error={error} />}
          <Group mt="sm" gap="md" align="flex-start">
            <Checkbox.Group
              label={`${t('entry.problems')} (F6)`}
              value={ticked.map(String)}
              onChange={(v) => setTicked(v.map(Number))}
              data-entry="problems"
            >
              <SimpleGrid cols={2} spacing={4} mt={4}>
                {problemList.map((p) => (
                  <Checkbox key={p.code} value={String(p.code)} label={p.name} size="xs" />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <TextInput
              label={t('entry.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              maxLength={500}
              w={300}
              tabIndex={-1}
            />
          </Group>
          {position.status !== 'new' && (
            <PositionHistory key={`${position.positionId}:${position.value}:${position.reasonCode}`} positionId={position.positionId} />
          )}
        </Paper>
      )}
      {dialog && (
        <PlausibilityDialog
          check={dialog.check}
          unit={unit}
          error={dialog.error}
          armed={armed}
          onConfirm={confirmDialog}
          onCancel={() => backToValue(null)}
        />
      )}
      <FormModal
        opened={jumping}
        title={t('entry.jump')}
        onClose={() => setJumping(false)}
        onSubmit={async () => {
          const seq = Number((document.querySelector<HTMLInputElement>('[data-entry="jump"]')?.value ?? '').trim());
          setJumping(false);
          await load(seq);
        }}
      >
        <TextInput label={t('entry.jump')} data-entry="jump" data-autofocus inputMode="numeric" />
      </FormModal>
    </Stack>
  );
}

/** What a corrected position held before, with who entered it and who replaced it. */
function PositionHistory({ positionId }: { positionId: number }) {
  const { t, locale } = useI18n();
  const { data } = useRead('entry.history', { positionId });
  if (!data?.length) return null;
  return (
    <Stack gap={2} mt="sm" data-testid="entry-history">
      <Text size="xs" c="dimmed">
        {t('entry.history')}
      </Text>
      {data.map((row, index) => (
        <Text key={index} size="xs">
          {row.value ?? `${t('entry.reason')} ${row.reasonCode}`} · {formatDate(row.checkedOn, locale)} · {row.enteredBy} → {row.replacedBy}
          , {formatDateTime(row.replacedAt, locale)}
        </Text>
      ))}
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

const minDate = (a: string, b: string) => (a < b ? a : b);

const keptInStep = { refetchOnWrite: false };

/** Longer than a blind typist's burst, shorter than anyone takes to read a question. */
const dialogArmMs = 400;
