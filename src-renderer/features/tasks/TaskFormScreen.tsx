import { Button, Checkbox, Fieldset, Group, Kbd, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Input } from '../../../shared/contract/index';
import type { ExistingTask, RouteToForm, TaskCriteria } from '../../../shared/contract/tasks';
import { localToday } from '../../../shared/dates';
import { parseMoney } from '../../../shared/i18n/format';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { useHotkeys } from '../../app/hotkeys';
import { useRouter } from '../../app/router';
import { useStatus } from '../../app/status';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MoneyField } from '../../components/fields';
import { Screen } from '../../components/Screen';
import { useI18n } from '../../i18n/i18n';
import { RepeatTaskDialog, type RepeatAnswer, type RepeatQuestion } from './RepeatTaskDialog';
import { useRouteScope } from './RouteScope';
import { MassProgress, WarningBoxes } from './MassForming';

type Formed = { taskId: number; number: number; positions: number };

const numberOrNull = (on: boolean, value: number | string) => (on && value !== '' ? Number(value) : null);

/**
 * Робота з абонентом / Завдання і попередження / Формування завдання на обхід. Tab walks the
 * fields, Space ticks, Enter or F9 executes. Mass forming goes route by route with a progress bar.
 * A route that already has a task on the date is asked about first: the core refuses a repeat
 * unless the request says the user said yes.
 */
export function TaskFormScreen({ routeId: initialRoute }: { routeId?: number | undefined }) {
  const { t } = useI18n();
  const api = useApi();
  const { go } = useRouter();
  const status = useStatus();
  const { scope, routeId, sectionId, picker } = useRouteScope(initialRoute);
  const [taskDate, setTaskDate] = useState(localToday);
  const [sortOrder, setSortOrder] = useState<'address' | 'account'>('address');
  // Typed in гривні as text; the contract gets kopecks.
  const [debt, setDebt] = useState({ on: false, value: '500,00' });
  const debtKop = debt.on ? parseMoney(debt.value) : null;
  const [noControl, setNoControl] = useState({ on: false, value: 180 as number | string });
  const [verification, setVerification] = useState({ on: false, value: 30 as number | string });
  const [complaint, setComplaint] = useState(false);
  const [inspection, setInspection] = useState(false);
  const [includeDisconnected, setIncludeDisconnected] = useState(false);
  const [match, setMatch] = useState<'any' | 'all'>('any');
  const [warnNonPayment, setWarnNonPayment] = useState(false);
  const [warnNonAdmittance, setWarnNonAdmittance] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [formed, setFormed] = useState<Formed | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [question, setQuestion] = useState<RepeatQuestion | null>(null);

  const criteria: Partial<TaskCriteria> = {
    match,
    debtMinKop: debtKop,
    noControlDays: numberOrNull(noControl.on, noControl.value),
    verificationDueDays: numberOrNull(verification.on, verification.value),
    complaint,
    inspection,
    includeDisconnected,
  };
  const chosen = [debt.on, noControl.on, verification.on, complaint, inspection].filter(Boolean).length;
  const request = (id: number, allowDuplicate: boolean): Input<'tasks.form'> => ({
    routeId: id,
    taskDate,
    criteria,
    sortOrder,
    warnNonPayment,
    warnNonAdmittance,
    allowDuplicate,
  });

  /** The warnings formed with the task(s), said only when a warning box was ticked: a 0 then is news too. */
  const warningsFormed = (counts: { nonPayment: number; nonAdmittance: number }) =>
    warnNonPayment || warnNonAdmittance ? ` ${t('tasks.warningsFormed', counts)}` : '';

  const formOne = async (id: number, allowDuplicate: boolean) => {
    let result;
    try {
      result = await api.call('tasks.form', request(id, allowDuplicate));
    } catch (caught) {
      if (!(caught instanceof ApiError) || caught.code !== 'task.duplicate') throw caught;
      setQuestion({ kind: 'one', routeId: id, message: caught.message, existing: caught.details as ExistingTask[] });
      return;
    }
    const route = await api.call('routes.get', { id });
    setFormed({ ...result, number: route.number });
    status.show(`${t('tasks.formed', { number: route.number, positions: result.positions })}${warningsFormed(result.warnings)}`);
  };

  /** The routes of the scope, asked about once for all that have a task on the date; then formed as answered. */
  const formMany = async (answered?: { answer: 'others' | 'all'; routes: RouteToForm[] }) => {
    if (scope === 'section' && sectionId === null) return status.show(t('tasks.section'), 'error');
    const routes =
      answered?.routes ?? (await api.call('tasks.routesToForm', { sectionId: scope === 'section' ? sectionId : null, taskDate }));
    if (!answered && routes.some((route) => route.tasksOnDate > 0)) {
      setQuestion({ kind: 'many', taskDate, routes });
      return;
    }
    const repeatsToo = answered?.answer === 'all';
    const todo = routes.filter((route) => repeatsToo || route.tasksOnDate === 0);
    let formedCount = 0;
    let positions = 0;
    const warnings = { nonPayment: 0, nonAdmittance: 0 };
    let empty = 0;
    let skipped = routes.length - todo.length;
    const failed: number[] = [];
    setProgress({ done: 0, total: todo.length });
    for (const [index, route] of todo.entries()) {
      try {
        const result = await api.call('tasks.form', request(route.routeId, repeatsToo && route.tasksOnDate > 0));
        positions += result.positions;
        warnings.nonPayment += result.warnings.nonPayment;
        warnings.nonAdmittance += result.warnings.nonAdmittance;
        formedCount++;
      } catch (caught) {
        if (caught instanceof ApiError && caught.code === 'task.nothingSelected') empty++;
        // Someone else formed one since the list was read: the user said no repeat for this route.
        else if (caught instanceof ApiError && caught.code === 'task.duplicate') skipped++;
        else if (caught instanceof ApiError && caught.code === 'request.invalid') throw caught;
        else failed.push(route.number);
      }
      setProgress({ done: index + 1, total: todo.length });
    }
    const done = `${t('tasks.massDone', { formed: formedCount, positions, empty })}${warningsFormed(warnings)}`;
    status.show(skipped > 0 ? `${done} ${t('tasks.massSkipped', { skipped })}` : done);
    if (failed.length) setError(new ApiError({ code: 'internal', message: t('tasks.massErrors', { routes: failed.join(', ') }) }));
  };

  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setFormed(null);
    setError(null);
    try {
      await work();
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      setError(caught);
      status.show(caught.message, 'error');
    } finally {
      setBusy(false);
    }
  };

  // A debt threshold that is not a sum must not quietly become "every point".
  const debtInvalid = debt.on && (debtKop === null || debtKop < 1);

  const execute = async (event?: FormEvent) => {
    event?.preventDefault();
    if (debtInvalid) return status.show(t('tasks.debtInvalid'), 'error');
    if (scope === 'route' && routeId === null) return status.show(t('assign.pickRouteFirst'), 'error');
    await run(() => (scope === 'route' && routeId !== null ? formOne(routeId, false) : formMany()));
  };

  const answer = (reply: RepeatAnswer) => {
    const asked = question;
    setQuestion(null);
    if (!asked || reply === 'cancel') return status.show(t('tasks.repeatCancelled'));
    void run(() => (asked.kind === 'one' ? formOne(asked.routeId, true) : formMany({ answer: reply, routes: asked.routes })));
  };
  useHotkeys({ f9: () => void execute() });

  const valueCriterion = (
    label: string,
    state: { on: boolean; value: number | string },
    set: (next: { on: boolean; value: number | string }) => void,
    props: { max: number },
  ) => (
    <Group gap="xs" wrap="nowrap" align="center">
      <Checkbox label={label} checked={state.on} onChange={(e) => set({ ...state, on: e.currentTarget.checked })} w={300} />
      <NumberInput
        aria-label={label}
        value={state.value}
        onChange={(value) => set({ on: true, value })}
        min={0}
        max={props.max}
        decimalScale={0}
        thousandSeparator=" "
        w={130}
        hideControls
        disabled={!state.on}
      />
    </Group>
  );

  return (
    <Screen
      title={t('tasks.formTitle')}
      actions={
        <Button variant="default" onClick={() => go({ name: 'tasks' })}>
          {t('tasks.toList')}
        </Button>
      }
    >
      <form onSubmit={(event) => void execute(event)} noValidate>
        <Stack gap="sm" maw={980}>
          {picker}
          <Group align="flex-end" gap="lg">
            <DateField label={t('tasks.date')} value={taskDate} onValue={setTaskDate} required w={180} />
            <div>
              <Text size="sm" fw={500} mb={4}>
                {t('tasks.sort')}
              </Text>
              <SegmentedControl
                value={sortOrder}
                onChange={(value) => setSortOrder(value === 'account' ? 'account' : 'address')}
                data={[
                  { value: 'address', label: t('tasks.sortWalk') },
                  { value: 'account', label: t('tasks.sortAccount') },
                ]}
              />
            </div>
          </Group>
          <Fieldset legend={t('tasks.criteria')}>
            <Stack gap={6}>
              <Text size="xs" c="dimmed">
                {t('tasks.criteriaHint')}
              </Text>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Checkbox
                  label={t('tasks.debt')}
                  checked={debt.on}
                  onChange={(e) => setDebt({ ...debt, on: e.currentTarget.checked })}
                  w={300}
                  mt={8}
                />
                <MoneyField
                  aria-label={t('tasks.debt')}
                  value={debt.value}
                  onValue={(value) => setDebt({ on: true, value })}
                  error={debtInvalid && parseMoney(debt.value) !== null ? t('tasks.debtInvalid') : undefined}
                  w={170}
                  disabled={!debt.on}
                />
              </Group>
              {valueCriterion(t('tasks.noControl'), noControl, setNoControl, { max: 3650 })}
              {valueCriterion(t('tasks.verification'), verification, setVerification, { max: 3650 })}
              <Checkbox label={t('tasks.complaint')} checked={complaint} onChange={(e) => setComplaint(e.currentTarget.checked)} />
              <Checkbox label={t('tasks.inspection')} checked={inspection} onChange={(e) => setInspection(e.currentTarget.checked)} />
              {chosen > 1 && (
                <Group gap="sm">
                  <Text size="sm">{t('tasks.match')}:</Text>
                  <SegmentedControl
                    size="xs"
                    value={match}
                    onChange={(value) => setMatch(value === 'all' ? 'all' : 'any')}
                    data={[
                      { value: 'any', label: t('tasks.matchAny') },
                      { value: 'all', label: t('tasks.matchAll') },
                    ]}
                  />
                </Group>
              )}
              <Checkbox
                label={t('tasks.includeDisconnected')}
                checked={includeDisconnected}
                onChange={(e) => setIncludeDisconnected(e.currentTarget.checked)}
              />
            </Stack>
          </Fieldset>
          <WarningBoxes
            legend={t('tasks.warnings')}
            nonPayment={warnNonPayment}
            nonAdmittance={warnNonAdmittance}
            onNonPayment={setWarnNonPayment}
            onNonAdmittance={setWarnNonAdmittance}
          />
          <Group>
            <Button type="submit" loading={busy} rightSection={<Kbd size="xs">F9</Kbd>}>
              {t('tasks.execute')}
            </Button>
            {formed && (
              <Button variant="default" autoFocus onClick={() => go({ name: 'taskSheet', id: formed.taskId })}>
                {t('tasks.openSheet')}
              </Button>
            )}
          </Group>
          <MassProgress progress={progress} busy={busy} />
          <ErrorAlert error={error} />
        </Stack>
      </form>
      <RepeatTaskDialog question={question} onAnswer={answer} />
    </Screen>
  );
}
