import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ControllerPlan, PlanPoint, PlanReason } from '../../../shared/contract/plans';
import { formatDate, formatMoney } from '../../../shared/i18n/format';
import type { Locale } from '../../../shared/i18n/locales';
import { DataTable, type Column } from '../../components/DataTable';
import { useI18n, type Translate } from '../../i18n/i18n';

/** A reason as the master reads it: «без контролю 181 дн.», «борг 1 250,00». */
export function reasonText(reason: PlanReason, t: Translate, locale: Locale): string {
  return t(`plans.reason.${reason.code}`, {
    days: reason.days,
    count: reason.count,
    debt: reason.debtKop === undefined ? '' : formatMoney(reason.debtKop, locale),
    date: reason.on ? formatDate(reason.on, locale) : '',
  });
}

interface Props {
  plan: ControllerPlan;
  active: boolean;
  ticked: ReadonlySet<number>;
  onTick: (point: PlanPoint) => void;
  onActivePoint: (point: PlanPoint | undefined) => void;
  onFocus: () => void;
}

/** One controller's day: what it holds and how full it is, the points in walk order, the warnings proposed instead of visits. */
export function PlanColumn({ plan, active, ticked, onTick, onActivePoint, onFocus }: Props) {
  const { t, locale, number } = useI18n();
  const seq = new Map(plan.points.map((p, index) => [p.pointId, index + 1]));
  const columns: Column<PlanPoint>[] = [
    { key: 'n', header: '№', render: (p) => seq.get(p.pointId), width: 36, align: 'right' },
    {
      key: 'point',
      header: t('plans.point'),
      render: (p) => (
        <Stack gap={0}>
          <Text size="sm">{p.address}</Text>
          <Text size="xs" c="dimmed">
            {[
              p.accountNumber,
              ...p.reasons.map((reason) => reasonText(reason, t, locale)),
              t('plans.access', { percent: Math.round(p.accessPermille / 10) }),
              ...(p.moved ? [t('plans.moved')] : []),
            ].join(' · ')}
          </Text>
        </Stack>
      ),
    },
    { key: 'score', header: t('plans.score'), render: (p) => p.score, width: 52, align: 'right' },
  ];
  return (
    <Paper
      withBorder
      p="xs"
      shadow={active ? 'md' : undefined}
      style={active ? { borderColor: 'var(--mantine-color-blue-6)', borderWidth: 2 } : undefined}
      data-testid={`plan-${plan.employeeId}`}
      data-active={active || undefined}
      onFocusCapture={onFocus}
    >
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text fw={600} size="sm" truncate>
            {plan.fullName}
          </Text>
          <Group gap={4} wrap="nowrap">
            {plan.locked && <Badge color="orange">{t('plans.locked')}</Badge>}
            {plan.formedTaskIds.length > 0 && <Badge color="green">{t('plans.formed')}</Badge>}
          </Group>
        </Group>
        <Text size="xs" data-testid={`plan-summary-${plan.employeeId}`}>
          {t('plans.summary', {
            count: plan.count,
            expected: number(plan.expectedTenths / 10, 1),
            capacity: plan.capacity,
            lastScore: plan.lastScore ?? '—',
          })}
        </Text>
        <Text size="xs" c="dimmed" lineClamp={2}>
          {t('plans.routes', { routes: plan.routes.join(', ') || '—' })} · {t('plans.streets', { streets: plan.streets.join(', ') || '—' })}
        </Text>
        <div className="plan-points">
          <DataTable
            label={plan.fullName}
            testId={`plan-table-${plan.employeeId}`}
            columns={columns}
            rows={plan.points}
            rowKey={(p) => p.pointId}
            selected={ticked}
            onToggle={onTick}
            onActiveChange={onActivePoint}
            emptyText={t('plans.empty')}
          />
        </div>
        {plan.warningProposals.length > 0 && (
          <Stack gap={0} data-testid={`plan-warnings-${plan.employeeId}`}>
            <Text size="xs" fw={600}>
              {t('plans.warningProposals', { count: plan.warningProposals.length })}
            </Text>
            {plan.warningProposals.map((w) => (
              <Text key={w.pointId} size="xs" c="dimmed">
                {w.accountNumber}, {w.address} — {t('plans.refusals', { dates: w.refusals.map((d) => formatDate(d, locale)).join(', ') })}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
