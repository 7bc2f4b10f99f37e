import { Button, Checkbox, Group, Kbd, SimpleGrid, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { ControllerPlan, PlanPoint } from '../../../shared/contract/plans';
import { formatDate } from '../../../shared/i18n/format';
import { useApi } from '../../api/context';
import { useRead } from '../../api/use-read';
import { useHotkeys } from '../../app/hotkeys';
import { useRouter } from '../../app/router';
import { useStatus } from '../../app/status';
import { ConfirmModal } from '../../components/ConfirmModal';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PickSelect } from '../../components/PickSelect';
import { Screen } from '../../components/Screen';
import { useSectionOptions } from '../../components/options';
import { toggled } from '../../components/selection';
import { useAction } from '../../components/use-action';
import { useI18n } from '../../i18n/i18n';
import { ControllerPick } from './ControllerPick';
import { PlanColumn } from './PlanColumn';

const focusTable = (employeeId: number) => document.querySelector<HTMLElement>(`[data-testid="plan-table-${employeeId}"]`)?.focus();

/**
 * Робота з абонентом / Денний план: every controller's proposal for a day side by side — how many
 * points, the readings expected against the day's capacity, the streets, the score of the last point
 * taken. ←/→ pick a controller, ↑/↓ a point, Space ticks; F6 moves the ticked points (or the
 * current one) to another controller, F4 locks the plan, F9 forms every plan, F7 prints all sheets.
 * The core proposes, moves, locks and forms; the screen only shows and asks.
 */
export function PlansScreen() {
  const { t, locale } = useI18n();
  const api = useApi();
  const { go } = useRouter();
  const status = useStatus();
  const sections = useSectionOptions();
  const { run, busy, error: actionError } = useAction();
  const [date, setDate] = useState('');
  const [sectionId, setSectionId] = useState<number | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const [activePoints, setActivePoints] = useState<ReadonlyMap<number, number>>(new Map());
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const [dialog, setDialog] = useState<'move' | 'form' | null>(null);
  const [formWarnings, setFormWarnings] = useState(false);
  // Without a date the core answers for the next working day; the field then shows it.
  const day = useRead('plans.propose', { date: date || null, sectionId });
  const shownDate = day.data?.date;
  if (!date && shownDate) setDate(shownDate);

  const plans = day.data?.plans ?? [];
  // Once the plans are first drawn the keys go to the first controller's points.
  const focused = useRef(false);
  const firstEmployee = plans[0]?.employeeId;
  useEffect(() => {
    if (focused.current || firstEmployee === undefined) return;
    focused.current = true;
    focusTable(firstEmployee);
  }, [firstEmployee]);
  const index = Math.min(activeIndex, Math.max(0, plans.length - 1));
  const plan: ControllerPlan | undefined = plans[index];
  const chosenPoints = () => {
    if (!plan) return [];
    const mine = plan.points.filter((p) => ticked.has(p.pointId)).map((p) => p.pointId);
    const current = activePoints.get(plan.employeeId);
    return mine.length > 0 ? mine : current !== undefined && plan.points.some((p) => p.pointId === current) ? [current] : [];
  };
  const open = plan !== undefined && plan.formedTaskIds.length === 0;
  const column = (next: number) => {
    const target = plans[Math.max(0, Math.min(plans.length - 1, next))];
    if (!target) return;
    setActiveIndex(plans.indexOf(target));
    focusTable(target.employeeId);
  };
  const formedTaskIds = plans.flatMap((p) => p.formedTaskIds);
  const toForm = plans.filter((p) => p.formedTaskIds.length === 0 && p.count > 0);
  const proposals = toForm.reduce((sum, p) => sum + p.warningProposals.length, 0);

  const lock = () =>
    plan &&
    open &&
    date &&
    run(async () => {
      const answer = await api.call('plans.lock', { date, sectionId, employeeId: plan.employeeId, locked: !plan.locked });
      status.show(
        answer.locked
          ? t('plans.lockedStatus', { name: plan.fullName, points: answer.points })
          : t('plans.unlockedStatus', { name: plan.fullName }),
      );
    });
  const printAll = () => {
    if (formedTaskIds.length === 0) status.show(t('plans.nothingToPrint'), 'error');
    else go({ name: 'planSheets', taskIds: formedTaskIds });
  };
  useHotkeys({
    left: () => column(index - 1),
    right: () => column(index + 1),
    f4: () => void lock(),
    f6: () => open && chosenPoints().length > 0 && setDialog('move'),
    f7: printAll,
    f9: () => toForm.length > 0 && setDialog('form'),
  });

  const formAll = () =>
    run(async () => {
      setDialog(null);
      const formed = await api.call('plans.form', { date, sectionId, formWarnings });
      setTicked(new Set());
      status.show(
        t('plans.formedStatus', {
          tasks: formed.taskIds.length,
          controllers: formed.controllers,
          positions: formed.positions,
          warnings: formed.warnings,
        }),
      );
    });

  return (
    <Screen
      title={t('plans.title')}
      actions={
        <>
          <Button variant="default" disabled={!open || busy} onClick={() => void lock()} rightSection={<Kbd size="xs">F4</Kbd>}>
            {plan?.locked ? t('plans.unlock') : t('plans.lock')}
          </Button>
          <Button
            variant="default"
            disabled={!open || busy}
            onClick={() => chosenPoints().length > 0 && setDialog('move')}
            rightSection={<Kbd size="xs">F6</Kbd>}
          >
            {t('plans.move')}
          </Button>
          <Button variant="default" onClick={printAll} rightSection={<Kbd size="xs">F7</Kbd>}>
            {t('plans.printAll')}
          </Button>
          <Button disabled={toForm.length === 0 || busy} onClick={() => setDialog('form')} rightSection={<Kbd size="xs">F9</Kbd>}>
            {t('plans.formAll')}
          </Button>
        </>
      }
    >
      <Group align="flex-end" gap="sm">
        <DateField label={t('plans.date')} value={date} onValue={(iso) => iso && setDate(iso)} w={150} data-testid="plans-date" />
        <PickSelect<number>
          label={t('plans.section')}
          data={sections}
          value={sectionId}
          onChange={setSectionId}
          placeholder={t('plans.allSections')}
          clearable
          allowDeselect
          w={240}
        />
      </Group>
      <ErrorAlert error={day.error ?? actionError} />
      {day.data && plans.length === 0 && <Text c="dimmed">{t('plans.noControllers')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: Math.min(2, plans.length || 1), lg: Math.min(4, plans.length || 1) }} spacing="xs">
        {plans.map((p, i) => (
          <PlanColumn
            key={p.employeeId}
            plan={p}
            active={i === index}
            ticked={ticked}
            onTick={(point: PlanPoint) => setTicked((set) => toggled(set, point.pointId))}
            onActivePoint={(point) =>
              setActivePoints((map) => {
                const next = new Map(map);
                if (point) next.set(p.employeeId, point.pointId);
                else next.delete(p.employeeId);
                return next;
              })
            }
            onFocus={() => setActiveIndex(i)}
          />
        ))}
      </SimpleGrid>
      {day.data && (
        <Text size="xs" c="dimmed" data-testid="plans-left-out">
          {t('plans.leftOut', day.data.leftOut)}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('plans.keys')}
      </Text>
      {dialog === 'move' && plan && (
        <ControllerPick
          title={t('plans.moveTitle', { count: chosenPoints().length, from: plan.fullName })}
          submitLabel={t('plans.moveSubmit')}
          except={plan.employeeId}
          onClose={() => setDialog(null)}
          onPick={async (employeeId, name) => {
            const answer = await api.call('plans.move', { date, pointIds: chosenPoints(), toEmployeeId: employeeId });
            setDialog(null);
            setTicked(new Set());
            status.show(t('plans.movedStatus', { count: answer.moved, name }));
            focusTable(plan.employeeId);
          }}
        />
      )}
      <ConfirmModal
        opened={dialog === 'form'}
        title={t('plans.formTitle', { date: formatDate(date, locale) })}
        confirmLabel={t('plans.formSubmit')}
        onConfirm={() => void formAll()}
        onCancel={() => setDialog(null)}
      >
        <Text size="sm">{t('plans.formText', { plans: toForm.length, points: toForm.reduce((sum, p) => sum + p.count, 0) })}</Text>
        {proposals > 0 && (
          <Checkbox
            label={t('plans.formWarnings', { count: proposals })}
            checked={formWarnings}
            onChange={(e) => setFormWarnings(e.currentTarget.checked)}
          />
        )}
      </ConfirmModal>
    </Screen>
  );
}
