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
import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Commodity, EntryCheck, EntryPosition, EntrySession, EntrySummary } from '../../../shared/contract/entry';
import type { Input } from '../../../shared/contract/index';
import { localToday } from '../../../shared/dates';
import { formatDate, formatDateTime } from '../../../shared/i18n/format';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { useRead } from '../../api/use-read';
import { useHotkeys } from '../../app/hotkeys';
import { useRouter } from '../../app/router';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { useI18n } from '../../i18n/i18n';
import { useAccountCard } from '../accounts/AccountCardProvider';
import { useStatus } from '../../app/status';
import { PhonePanel } from './PhonePanel';
import { emptyFindings, findingFieldOf, findingInput, FindingsPanel, formOf, requestOf, type FindingsForm } from './FindingsPanel';
import { ownerOf, readingsIn, type Phase } from './key-owner';
import { mayRetype, mustRetype, PlausibilityDialog, type Confirmation, type Halt } from './PlausibilityDialog';
import { replayKeys, useKeyRouter, type EntryFocus } from './type-ahead';

type SaveRequest = Input<'entry.save'>;
interface Dialog {
  check: EntryCheck;
  request: SaveRequest;
  error: ApiError | null;
  retyping: boolean;
}

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
  const card = useAccountCard();
  const status = useStatus();

  const [position, setPosition] = useState<EntryPosition | null>(null);
  const [summary, setSummary] = useState<EntrySummary>(session.summary);
  const [finished, setFinished] = useState(session.firstOpenSeq === null);
  const [value, setValue] = useState('');
  const [reason, setReason] = useState<number | null>(null);
  const [ticked, setTicked] = useState<number[]>([]);
  const [note, setNote] = useState('');
  const [findings, setFindings] = useState<FindingsForm>(emptyFindings);
  const [showFindings, setShowFindings] = useState(false);
  // The session's check date, and an entered position's own: a correction keeps the date it was
  // read on unless the operator changes it while on that position.
  const [sessionDate, setSessionDate] = useState(() => minDate(session.taskDate, localToday()));
  const [ownDate, setOwnDate] = useState<string | null>(null);
  const [max, setMax] = useState<Record<Commodity, number | string>>(session.maxConsumption);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [halt, setHalt] = useState<Halt | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [jumping, setJumping] = useState(false);

  // The engine reads and writes through refs: saves, replays and the key router run between renders.
  const phase = useRef<Phase>('waiting');
  const queue = useRef<string[]>([]);
  const dropped = useRef<{ seq: number; keys: string[] }>({ seq: 0, keys: [] });
  const fields = useRef({ position, value, reason, ticked, note, findings, checkedOn: ownDate ?? sessionDate, max, dialog });
  fields.current = { position, value, reason, ticked, note, findings, checkedOn: ownDate ?? sessionDate, max, dialog };
  const valueInput = useRef<HTMLInputElement>(null);
  const executeButtonRef = useRef<HTMLButtonElement>(null);

  const focus = (target: EntryFocus) => {
    const f = fields.current;
    // Without a meter there is nothing to type: the reason list is where the position is settled.
    if (target === 'value' && !f.reason && f.position?.meterSerial === null) return reasonList()?.focus();
    (target === 'value' && !f.reason ? valueInput : executeButtonRef).current?.focus();
  };

  /** Keys that will never reach a reading: counted, per position, as the readings they held, and said so. */
  const drop = (keys: string[]) => {
    const position = fields.current.position;
    if (!keys.length || !position) return;
    const { seq } = position;
    if (dropped.current.seq !== seq) dropped.current = { seq, keys: [] };
    dropped.current.keys.push(...keys);
    setHalt({ afterSeq: seq, readings: readingsIn(dropped.current.keys), resumeSeq: position.nextOpenSeq ?? seq });
  };

  /** Shows a position and hands it the keys typed while it was on its way. */
  const show = (next: EntryPosition) => {
    // The keys typed meanwhile are replayed before the position is shown: one render shows both.
    const replay = replayKeys(queue.current.splice(0), { focus: 'value', value: next.value === null ? '' : String(next.value) });
    flushSync(() => {
      setPosition(next);
      setValue(replay.value);
      setReason(next.reasonCode);
      // The same problems keep the same list, so the problems' checkboxes are not drawn again.
      setTicked((current) => (sameCodes(current, next.problems) ? current : next.problems));
      setNote(next.note);
      setFindings(formOf(next.findings));
      setShowFindings(next.findings !== null);
      setOwnDate(next.status === 'new' ? null : next.checkedOn);
      setError(null);
      setDialog(null);
      setFinished(false);
    });
    fields.current.position = next;
    fields.current.value = replay.value;
    phase.current = 'typing';
    focus(replay.focus);
    if (replay.commit) {
      queue.current.unshift(...replay.rest);
      commit();
    }
  };

  /** Back to Показник of the same position; keys typed for later ones will not reach them. */
  const backToValue = (caught: ApiError | null) => {
    const lost = queue.current.splice(0);
    phase.current = 'typing';
    flushSync(() => {
      setError(caught);
      setDialog(null);
    });
    drop(lost);
    focus('value');
    valueInput.current?.select();
  };

  /** A refusal of what was found at the meter: the panel open on the field it names, nothing typed ahead kept. */
  const backToFinding = (caught: ApiError) => {
    drop(queue.current.splice(0));
    phase.current = 'typing';
    flushSync(() => {
      setError(caught);
      setDialog(null);
      setShowFindings(true);
    });
    const field = findingFieldOf(caught.field);
    (field ? findingInput(field) : findingInput('condition'))?.focus();
  };

  /** A question about the value: keys typed ahead for later positions are void from here on. */
  const ask = (check: EntryCheck, request: SaveRequest) => {
    phase.current = 'asking';
    dropped.current = { seq: 0, keys: [] };
    flushSync(() => {
      setHalt(null);
      setDialog({ check, request, error: null, retyping: false });
    });
    drop(queue.current.splice(0));
  };

  const send = async (request: SaveRequest) => {
    phase.current = 'waiting';
    try {
      const answer = await api.call('entry.save', request);
      setSummary(answer.summary);
      setHalt((h) => (h && h.afterSeq !== answer.saved.seq ? null : h));
      if (answer.next) return show(answer.next);
      queue.current.length = 0;
      phase.current = 'typing';
      flushSync(() => {
        setPosition(answer.saved);
        setDialog(null);
        setFinished(true);
      });
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      const check = caught.details as EntryCheck | undefined;
      const open = fields.current.dialog;
      if ((caught.code === 'entry.check' || caught.code === 'entry.belowPrevious') && check) ask(check, request);
      else if (caught.code === 'entry.retypeMismatch' && open) {
        phase.current = 'retyping';
        flushSync(() => setDialog({ ...open, error: caught }));
        drop(queue.current.splice(0));
      } else if (findingFieldOf(caught.field) || caught.field === 'replacement') backToFinding(caught);
      else backToValue(caught);
    }
  };

  const commit = () => {
    const f = fields.current;
    if (phase.current !== 'typing' || !f.position) return;
    const outcome: SaveRequest['outcome'] = f.reason ? { kind: 'reason', reasonCode: f.reason } : { kind: 'reading', value: f.value };
    void send({
      positionId: f.position.positionId,
      checkedOn: f.checkedOn,
      maxConsumption: { electricity: Number(f.max.electricity) || 0, gas: Number(f.max.gas) || 0 },
      outcome,
      problems: f.ticked,
      note: f.note,
      findings: requestOf(f.findings),
    });
  };

  /** F7: the findings panel, the cursor on its first field. */
  const openFindings = () => {
    flushSync(() => setShowFindings(true));
    findingInput('condition')?.focus();
  };
  /** Shift+F7: a meter found replaced — the new meter's number first; again, not replaced after all. */
  const toggleReplaced = () => {
    const replaced = !fields.current.findings.replaced;
    flushSync(() => {
      setShowFindings(true);
      setFindings((form) => ({ ...form, replaced }));
    });
    if (replaced) findingInput('serial')?.focus();
    else focus('value');
  };

  /** A question is answered once: a second click while the answer is on its way does nothing. */
  const answering = () => phase.current === 'asking' || phase.current === 'retyping';

  const confirm = (confirmation: Confirmation) => {
    const open = fields.current.dialog;
    if (!answering() || !open || open.request.outcome.kind !== 'reading') return;
    const request = { ...open.request, outcome: { ...open.request.outcome, ...confirmation } };
    fields.current.dialog = { ...open, request };
    void send(request);
  };

  const retype = () => {
    const open = fields.current.dialog;
    if (phase.current !== 'asking' || !open || !mayRetype(open.check)) return;
    phase.current = 'retyping';
    flushSync(() => setDialog({ ...open, retyping: true }));
  };

  /** The dialog's own accept key: the one deliberate act that takes an implausible value. */
  const accept = () => {
    const check = fields.current.dialog?.check;
    if (!check) return;
    if (mustRetype(check)) retype();
    else confirm({ accepted: check.checks.map((c) => c.code) });
  };

  useKeyRouter((key, command) => {
    switch (ownerOf(phase.current, key, command)) {
      case 'field':
        return false;
      case 'queue':
        queue.current.push(key);
        return true;
      case 'accept':
        accept();
        return true;
      case 'retype':
        retype();
        return true;
      case 'cancel':
        backToValue(null);
        return true;
      case 'dropped':
        drop([key]);
        return true;
      case 'swallowed':
        return true;
    }
  });

  const load = async (seq: number) => {
    if (phase.current !== 'typing' || seq < 1 || seq > session.total) return;
    phase.current = 'waiting';
    try {
      show(await api.call('entry.position', { taskId: session.taskId, seq }));
    } catch (caught) {
      if (caught instanceof ApiError) backToValue(caught);
    }
  };

  const start = useEffectEvent(() => {
    phase.current = 'typing';
    void load(session.firstOpenSeq ?? 1);
  });
  useEffect(() => start(), []);

  /** F9: every plausible result from the controller's phone taken in at once; entry goes on at the first position left. */
  const acceptPhones = async () => {
    if (phase.current !== 'typing') return;
    phase.current = 'waiting';
    try {
      const answer = await api.call('phone.acceptPlausible', { taskId: session.taskId });
      status.show(t('entry.phoneAccepted', answer));
      const fresh = await api.call('entry.open', { taskId: session.taskId });
      setSummary(fresh.summary);
      phase.current = 'typing';
      await load(fresh.firstOpenSeq ?? fields.current.position?.seq ?? 1);
      if (fresh.firstOpenSeq === null) setFinished(true);
    } catch (caught) {
      if (caught instanceof ApiError) backToValue(caught);
      else throw caught;
    }
  };

  /** Shift+F9: this position's phone result into the form, for the operator to save by Enter as a typed one. */
  const takePhone = () => {
    const phone = fields.current.position?.phone;
    if (phase.current !== 'typing' || !phone || phone.status !== 'waiting') return;
    flushSync(() => {
      setValue(phone.value === null ? '' : String(phone.value));
      setReason(phone.reasonCode);
      setTicked(phone.problems);
      setNote(phone.note);
    });
    fields.current = { ...fields.current, value: phone.value === null ? '' : String(phone.value), reason: phone.reasonCode };
    focus('execute');
  };

  useHotkeys(
    {
      f9: () => void acceptPhones(),
      'shift+f9': takePhone,
      f8: () => reasonList()?.focus(),
      f6: () => document.querySelector<HTMLInputElement>('[data-entry="problems"] input')?.focus(),
      f7: () => position && position.meter && openFindings(),
      'shift+f7': () => position && position.meter && toggleReplaced(),
      f3: () => position && card.open(position.accountId),
      pageup: () => position && void load(position.seq - 1),
      pagedown: () => position && void load(position.seq + 1),
      'ctrl+g': () => setJumping(true),
    },
    { enabled: !dialog },
  );

  // The parts of the form a save or a key press does not change are kept from render to render
  // (below, by useMemo): they reach the screen's engine through this ref, always its latest.
  const engine = useRef({ commit, load, focus });
  engine.current = { commit, load, focus };

  const previous = position?.previous ?? null;
  const unit = position ? t(`unit.${position.commodity}`) : null;
  const noMeter = position !== null && position.meterSerial === null;
  const typed = /^\d+$/.test(value.trim()) ? Number(value.trim()) : null;
  // Once a replacement is typed, the reading is the new meter's, counted from its initial reading.
  const initial = findings.replaced && /^\d+$/.test(findings.initialValue.trim()) ? Number(findings.initialValue.trim()) : null;
  const from = findings.replaced ? initial : (previous?.value ?? null);
  const consumption = typed !== null && from !== null ? typed - from : null;

  const header = useMemo(
    () => (
      <Group justify="space-between" align="flex-start">
        <Title order={2} size="h4">
          {t('entry.title', { number: session.routeNumber, name: session.routeName, date: formatDate(session.taskDate, locale) })}
        </Title>
        <Button variant="default" tabIndex={-1} onClick={() => go({ name: 'tasks', purpose: 'entry' })}>
          {t('entry.toTasks')}
        </Button>
      </Group>
    ),
    [t, locale, go, session],
  );
  const checkedOn = ownDate ?? sessionDate;
  const ownDated = ownDate !== null;
  const sessionFields = useMemo(
    () => (
      <>
        {session.commodities.map((kind) => (
          <NumberInput
            key={kind}
            label={`${t('entry.max')}, ${t(`unit.${kind}`)}`}
            value={max[kind]}
            onChange={(v) => setMax((m) => ({ ...m, [kind]: v }))}
            min={1}
            max={10_000_000}
            w={200}
            hideControls
            data-testid={`entry-max-${kind}`}
          />
        ))}
        <DateField
          label={t('entry.date')}
          value={checkedOn}
          onValue={(iso) => (ownDated ? setOwnDate : setSessionDate)(iso)}
          w={180}
          data-testid="entry-date"
        />
      </>
    ),
    [t, session, max, checkedOn, ownDated],
  );
  const progress = useMemo(
    () => (
      <>
        <Text size="sm" c="dimmed" data-testid="entry-progress">
          {t('entry.progress', { ...summary })}
        </Text>
        {summary.phoneWaiting > 0 && (
          <Badge size="lg" color="blue" data-testid="entry-phone-waiting">
            {t('entry.phoneWaiting', { count: summary.phoneWaiting })}
          </Badge>
        )}
      </>
    ),
    [t, summary],
  );
  const legend = useMemo(
    () => (
      <Text size="xs" c="dimmed" data-testid="entry-legend">
        {t('entry.legend')}
      </Text>
    ),
    [t],
  );
  const positionHeader = useMemo(
    () =>
      position && (
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h5" data-testid="entry-seq">
            {t('entry.position', { seq: position.seq, total: position.total })}
          </Title>
          {position.reread && (
            <Badge color="violet" data-testid="entry-reread">
              {t('entry.reread')}
            </Badge>
          )}
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
      ),
    [t, position],
  );
  // What the sheet says of the position: it changes with the position, not with what is typed.
  const facts = useMemo(
    () =>
      position && (
        <>
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
            <span data-testid="entry-meter">
              {position.meter
                ? t('entry.meterLine', { serial: position.meter.serial, digits: position.meter.digits })
                : position.meterSerial
                  ? t('entry.meterLine', { serial: position.meterSerial, digits: position.meterDigits })
                  : t('common.none')}
              {/* Another meter than the sheet printed: a visit found it replaced. */}
              {position.meter && position.meterSerial && position.meter.serial !== position.meterSerial && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  ({t('visit.sheetMeter', { serial: position.meterSerial })})
                </Text>
              )}
            </span>
          </Field>
          <Field label={t('entry.previous')}>
            <span data-testid="entry-previous">
              {position.previous ? `${position.previous.value} (${formatDate(position.previous.takenOn, locale)})` : t('entry.noPrevious')}
            </span>
          </Field>
          <Field label={`${t('entry.expected')}, ${t(`unit.${position.commodity}`)}`}>
            <span data-testid="entry-expected">
              {position.expected
                ? t('entry.expectedLine', {
                    expected: number(position.expected.consumption),
                    low: number(position.expected.low),
                    high: number(position.expected.high),
                    date: formatDate(position.expected.on, locale),
                  })
                : t('entry.expectedNone')}
            </span>
          </Field>
        </>
      ),
    [t, locale, number, card, position],
  );
  const phonePanel = useMemo(() => position?.phone && <PhonePanel phone={position.phone} reasons={reasons} />, [position?.phone, reasons]);
  const unitLabel = useMemo(() => <Text size="xs">{unit}</Text>, [unit]);
  const executeButton = useMemo(
    () => (
      <Button
        ref={executeButtonRef}
        size="lg"
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            engine.current.commit();
          }
        }}
        onClick={() => engine.current.commit()}
        data-testid="entry-execute"
      >
        {t('entry.execute')}
      </Button>
    ),
    [t],
  );
  const reasonOptions = useMemo(() => reasons.map((r) => ({ value: String(r.code), label: `${r.code}. ${r.name}` })), [reasons]);
  const reasonSelect = useMemo(
    () => (
      <Select
        label={`${t('entry.reason')} (F8)`}
        data={reasonOptions}
        value={reason === null ? null : String(reason)}
        onChange={(picked) => {
          flushSync(() => setReason(picked === null ? null : Number(picked)));
          engine.current.focus(picked === null ? 'value' : 'execute');
        }}
        searchable
        clearable
        selectFirstOptionOnChange
        w={320}
        data-entry="reason"
        tabIndex={-1}
      />
    ),
    [t, reasonOptions, reason],
  );
  const problemsAndNote = useMemo(
    () => (
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
    ),
    [t, problemList, ticked, note],
  );
  const jumpModal = useMemo(
    () => (
      <FormModal
        opened={jumping}
        title={t('entry.jump')}
        onClose={() => setJumping(false)}
        onSubmit={async () => {
          const seq = Number((document.querySelector<HTMLInputElement>('[data-entry="jump"]')?.value ?? '').trim());
          setJumping(false);
          await engine.current.load(seq);
        }}
      >
        <TextInput label={t('entry.jump')} data-entry="jump" data-autofocus inputMode="numeric" />
      </FormModal>
    ),
    [t, jumping],
  );

  return (
    <Stack gap="sm" p="md" maw={1100}>
      {header}
      <Group gap="md" align="flex-end">
        {sessionFields}
        {progress}
      </Group>
      {legend}
      {halt && !dialog && (
        <Alert color="red" data-testid="entry-halt">
          {t('entry.halt', { ...halt })}
        </Alert>
      )}
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
            <Text data-testid="entry-summary-queued">{t('entry.summaryQueued', { count: summary.queued })}</Text>
          </Stack>
        </Alert>
      )}
      {position && (
        <Paper withBorder p="md" data-testid="entry-position" data-seq={position.seq}>
          {positionHeader}
          <SimpleGrid cols={2} spacing={4} mb="sm">
            {facts}
            <Field label={`${t('entry.consumption')}, ${unit ?? ''}`}>
              <Text fw={700} c={consumption !== null && consumption < 0 ? 'red' : undefined} data-testid="entry-consumption">
                {consumption === null ? t('common.none') : number(consumption)}
              </Text>
            </Field>
          </SimpleGrid>
          {phonePanel}
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
              disabled={reason !== null || noMeter}
              rightSection={unitLabel}
              rightSectionWidth={60}
              description={
                noMeter
                  ? t('entry.noMeterHint')
                  : // The maximum judges only a point too short of history to have an expected band.
                    position &&
                    !position.expected &&
                    t('entry.maxHint', { max: number(Number(max[position.commodity]) || 0), unit: unit ?? '' })
              }
              inputMode="numeric"
              autoComplete="off"
              size="lg"
              w={220}
              error={error?.field === 'value' ? error.message : undefined}
              data-testid="entry-value"
            />
            {executeButton}
            {reasonSelect}
          </Group>
          {error && error.field !== 'value' && !findingFieldOf(error.field) && <ErrorAlert error={error} />}
          {showFindings && position.meter && (
            <FindingsPanel form={findings} onChange={setFindings} card={position.meter} error={error} onDone={() => focus('value')} />
          )}
          {problemsAndNote}
          {position.status !== 'new' && (
            <PositionHistory key={`${position.positionId}:${position.value}:${position.reasonCode}`} positionId={position.positionId} />
          )}
        </Paper>
      )}
      {dialog && (
        <PlausibilityDialog
          check={dialog.check}
          unit={unit ?? ''}
          error={dialog.error}
          retyping={dialog.retyping}
          halt={halt}
          onAccept={accept}
          onRetype={retype}
          onRetyped={(retypedValue) => confirm({ retypedValue })}
          onCancel={() => answering() && backToValue(null)}
        />
      )}
      {jumpModal}
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

const reasonList = () => document.querySelector<HTMLInputElement>('[data-entry="reason"]');

const minDate = (a: string, b: string) => (a < b ? a : b);

const sameCodes = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((code, i) => code === b[i]);

const keptInStep = { refetchOnWrite: false };
