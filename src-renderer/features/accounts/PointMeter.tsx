import { Badge, Stack, Text } from '@mantine/core';
import type { AccountCard } from '../../../shared/contract/accounts';
import type { FindingRow } from '../../../shared/contract/visit';
import { formatDate, formatDateTime } from '../../../shared/i18n/format';
import { useI18n, type Translate } from '../../i18n/i18n';
import { HistoryTable } from './HistoryTable';

const dash = (value: string | null | undefined) => (value ? value : '—');

/** What one visit changed on the card, field by field: before → as found. */
function changes(row: FindingRow, t: Translate): string[] {
  const lines: string[] = [];
  if (row.replaced) lines.push(t('card.finding.replaced'));
  if (row.placement) {
    lines.push(t('card.finding.placement', { before: dash(row.before.placement), after: t(`visit.placement.${row.placement}`) }));
  }
  if (row.condition) {
    lines.push(t('card.finding.condition', { before: dash(row.before.condition), after: t(`visit.condition.${row.condition}`) }));
  }
  if (row.seals !== null) lines.push(t('card.finding.seals', { before: dash(row.before.seals), after: row.seals }));
  if (row.serial !== null) lines.push(t('card.finding.serial', { before: dash(row.before.serial), after: row.serial }));
  if (row.model !== null) lines.push(t('card.finding.model', { before: dash(row.before.model), after: row.model }));
  return lines;
}

/** The card's «Лічильник» tab: the meters the point had before, each closed by its final reading, and what visits found. */
export function PointMeter({ point }: { point: AccountCard['points'][number] }) {
  const { t, locale, number } = useI18n();
  const date = (iso: string | null) => (iso ? formatDate(iso, locale) : '—');
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t('card.removedMeters')}
      </Text>
      {point.removedMeters.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('card.noRemovedMeters')}
        </Text>
      ) : (
        <HistoryTable
          height={160}
          testId={`removed-meters-${point.id}`}
          rows={point.removedMeters}
          columns={[
            { header: t('card.removedMeter'), cell: (m) => `№ ${m.serial}, ${dash(m.model)}, ${m.digits}` },
            { header: t('card.installedCol'), cell: (m) => date(m.installedOn) },
            { header: t('card.removedOn'), cell: (m) => date(m.removedOn) },
            { header: t('card.finalValue'), cell: (m) => m.finalValue, right: true },
            {
              header: t('card.finalConsumption'),
              cell: (m) => (m.finalConsumption === null ? '—' : number(m.finalConsumption)),
              right: true,
            },
            { header: t('card.nextInitial'), cell: (m) => m.nextInitialValue, right: true },
            { header: t('card.removedBy'), cell: (m) => `${m.removedBy}, ${formatDateTime(m.removedAt, locale)}` },
          ]}
        />
      )}
      <Text size="sm" fw={600}>
        {t('card.findings')}
      </Text>
      {point.findings.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('card.noFindings')}
        </Text>
      ) : (
        <HistoryTable
          height={200}
          testId={`findings-${point.id}`}
          rows={point.findings}
          columns={[
            { header: t('card.foundOn'), cell: (row) => date(row.foundOn) },
            {
              header: t('card.found'),
              cell: (row) => (
                <Stack gap={0}>
                  {changes(row, t).map((line) =>
                    line === t('card.finding.replaced') ? (
                      <Badge key={line} color="teal" variant="light" size="sm">
                        {line}
                      </Badge>
                    ) : (
                      <Text key={line} size="sm">
                        {line}
                      </Text>
                    ),
                  )}
                </Stack>
              ),
            },
            { header: t('card.foundPosition'), cell: (row) => `${row.taskId} / ${row.seq}` },
            { header: t('card.enteredBy'), cell: (row) => `${row.enteredBy}, ${formatDateTime(row.enteredAt, locale)}` },
          ]}
        />
      )}
    </Stack>
  );
}
