import { Button, Checkbox, Fieldset, Group, Kbd, NumberInput, Progress, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { MoneyField, TextField } from '../../components/fields';
import { useState, type FormEvent } from 'react';
import type { Input } from '../../../shared/contract/index';
import type { TaskCriteria } from '../../../shared/contract/tasks';
import { localToday } from '../../../shared/dates';
import { parseMoney } from '../../../shared/i18n/format';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { useHotkeys } from '../../app/hotkeys';
import { useRouter } from '../../app/router';
import { useStatus } from '../../app/status';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PickSelect } from '../../components/PickSelect';
import { useSectionOptions } from '../../components/options';
import { Screen } from '../../components/Screen';
import { useI18n } from '../../i18n/i18n';
import { RoutePicker } from '../assignment/RoutePicker';

type Scope = 'route' | 'section' | 'all';
type Formed = { taskId: number; number: number; positions: number };

const numberOrNull = (on: boolean, value: number | string) => (on && value !== '' ? Number(value) : null);

/**
 * Робота з абонентом / Завдання і попередження / Формування завдання на обхід. Tab walks the
 * fields, Space ticks, Enter or F9 executes. Mass forming goes route by route with a progress bar.
 */
export function TaskFormScreen({ routeId: initialRoute }: { routeId?: number | undefined }) {
  const { t } = useI18n();
  const api = useApi();
  const { go } = useRouter();
  const status = useStatus();
  const [scope, setScope] = useState<Scope>('route');
  const [routeId, setRouteId] = useState<number | null>(initialRoute ?? null);
  const [sectionId, setSectionId] = useState<number | null>(null);
  const sections = useSectionOptions();
  const [taskDate, setTaskDate] = useState(localToday);
  const [sortOrder, setSortOrder] = useState<'address' | 'account'>('address');
  // Typed in гривні as text; the contract gets kopecks.
  const [debt, setDebt] = useState({ on: false, value: '500,00' });
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

  const debtKop = debt.on ? parseMoney(debt.value) : null;
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
  const request = (id: number): Input<'tasks.form'> => ({ routeId: id, taskDate, criteria, sortOrder, warnNonPayment, warnNonAdmittance });

  const formOne = async () => {
    if (routeId === null) return status.show(t('assign.pickRouteFirst'), 'error');
    const result = await api.call('tasks.form', request(routeId));
    const route = await api.call('routes.get', { id: routeId });
    setFormed({ ...result, number: route.number });
    status.show(t('tasks.formed', { number: route.number, positions: result.positions }));
  };

  const formMany = async () => {
    if (scope === 'section' && sectionId === null) return status.show(t('tasks.section'), 'error');
    const routes = await api.call('tasks.routesToForm', { sectionId: scope === 'section' ? sectionId : null });
    let formedCount = 0;
    let positions = 0;
    let empty = 0;
    const failed: number[] = [];
    setProgress({ done: 0, total: routes.length });
    for (const [index, route] of routes.entries()) {
      try {
        positions += (await api.call('tasks.form', request(route.routeId))).positions;
        formedCount++;
      } catch (caught) {
        if (caught instanceof ApiError && caught.code === 'task.nothingSelected') empty++;
        else if (caught instanceof ApiError && caught.code === 'request.invalid') throw caught;
        else failed.push(route.number);
      }
      setProgress({ done: index + 1, total: routes.length });
    }
    status.show(t('tasks.massDone', { formed: formedCount, positions, empty }));
    if (failed.length) setError(new ApiError({ code: 'internal', message: t('tasks.massErrors', { routes: failed.join(', ') }) }));
  };

  // A debt threshold that is not a sum must not quietly become "every point".
  const debtInvalid = debt.on && (debtKop === null || debtKop < 1);

  const execute = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    if (debtInvalid) return status.show(t('tasks.debtInvalid'), 'error');
    setBusy(true);
    setFormed(null);
    setError(null);
    try {
      await (scope === 'route' ? formOne() : formMany());
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      setError(caught);
      status.show(caught.message, 'error');
    } finally {
      setBusy(false);
    }
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
          <Group align="flex-end" gap="lg">
            <div>
              <Text size="sm" fw={500} mb={4}>
                {t('tasks.scope')}
              </Text>
              <SegmentedControl<Scope>
                value={scope}
                onChange={setScope}
                data={[
                  { value: 'route', label: t('tasks.scopeRoute') },
                  { value: 'section', label: t('tasks.scopeSection') },
                  { value: 'all', label: t('tasks.scopeAll') },
                ]}
              />
            </div>
            {scope === 'route' && <RoutePicker value={routeId} onChange={setRouteId} autoFocus />}
            {scope === 'section' && (
              <PickSelect<number> label={t('tasks.section')} data={sections} value={sectionId} onChange={setSectionId} w={300} />
            )}
          </Group>
          <Group align="flex-end" gap="lg">
            <TextField type="date" label={t('tasks.date')} value={taskDate} onValue={setTaskDate} required w={180} />
            <div>
              <Text size="sm" fw={500} mb={4}>
                {t('tasks.sort')}
              </Text>
              <SegmentedControl
                value={sortOrder}
                onChange={(value) => setSortOrder(value === 'account' ? 'account' : 'address')}
                data={[
                  { value: 'address', label: t('tasks.sortAddress') },
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
          <Fieldset legend={t('tasks.warnings')}>
            <SimpleGrid cols={2}>
              <Checkbox
                label={t('tasks.warnNonPayment')}
                checked={warnNonPayment}
                onChange={(e) => setWarnNonPayment(e.currentTarget.checked)}
              />
              <Checkbox
                label={t('tasks.warnNonAdmittance')}
                checked={warnNonAdmittance}
                onChange={(e) => setWarnNonAdmittance(e.currentTarget.checked)}
              />
            </SimpleGrid>
          </Fieldset>
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
          {progress && (
            <Stack gap={4}>
              <Progress
                value={progress.total ? (100 * progress.done) / progress.total : 100}
                animated={busy}
                aria-label={t('tasks.massProgress', progress)}
              />
              <Text size="xs" c="dimmed">
                {t('tasks.massProgress', progress)}
              </Text>
            </Stack>
          )}
          <ErrorAlert error={error} />
        </Stack>
      </form>
    </Screen>
  );
}
