import { Badge, Button, Group, Kbd, Stack, Text } from '@mantine/core';
import type { AccountCard, CardWarning } from '../../../shared/contract/accounts';
import type { CardCutoff, ReconnectionRow } from '../../../shared/contract/orders';
import { formatDate, formatLocalDateTime, formatMoney } from '../../../shared/i18n/format';
import { useI18n } from '../../i18n/i18n';
import { reconnectionColor, reconnectionState } from '../orders/reconnection-state';
import { HistoryTable } from './HistoryTable';

type CardPoint = AccountCard['points'][number];

/** A disconnected point with no reconnection in work: the one the card offers to reconnect. */
export const awaitsReconnection = (point: CardPoint) =>
  point.status === 'disconnected' && !point.reconnections.some((r) => r.status === 'new');

/**
 * The «Відключення» tab of a point: its warnings, its places in disconnection orders and its
 * reconnections, each newest first; for a disconnected point not yet being reconnected, the
 * button (F6 on the card) that forms its reconnection order.
 */
export function PointDisconnection({ point, onReconnect }: { point: CardPoint; onReconnect?: (() => void) | undefined }) {
  const { t } = useI18n();
  return (
    <Stack gap="sm">
      {onReconnect && awaitsReconnection(point) && (
        <Group gap="xs">
          <Button size="compact-sm" onClick={onReconnect} rightSection={<Kbd size="xs">F6</Kbd>}>
            {t('card.reconnect')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('card.reconnectKey')}
          </Text>
        </Group>
      )}
      <WarningsTable pointId={point.id} warnings={point.warnings} />
      <CutoffsTable pointId={point.id} cutoffs={point.cutoffs} />
      <ReconnectionsTable pointId={point.id} reconnections={point.reconnections} />
    </Stack>
  );
}

const statusColor: Record<CardWarning['status'], string> = { formed: 'yellow', issued: 'orange', executed: 'red', cancelled: 'gray' };

/** A point's disconnection warnings, newest first: each step's date, the debt it was formed for, why it was cancelled. */
function WarningsTable({ pointId, warnings }: { pointId: number; warnings: CardWarning[] }) {
  const { t, locale } = useI18n();
  const date = (iso: string | null) => (iso ? formatDate(iso, locale) : '');
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('card.warnings')}
      </Text>
      {warnings.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('card.noWarnings')}
        </Text>
      ) : (
        <HistoryTable
          height={260}
          testId={`warnings-${pointId}`}
          rows={warnings}
          columns={[
            { header: t('card.kind'), cell: (w) => t(`card.warning.kind.${w.kind}`) },
            {
              header: t('card.warning.status'),
              cell: (w) => (
                <Badge color={statusColor[w.status]} variant="light">
                  {t(`card.warning.status.${w.status}`)}
                </Badge>
              ),
            },
            { header: t('card.warning.asOf'), cell: (w) => date(w.asOf) },
            { header: t('card.warning.debt'), cell: (w) => (w.debtKop === null ? '' : formatMoney(w.debtKop, locale)), right: true },
            {
              header: t('card.warning.issued'),
              cell: (w) => (w.issuedOn ? `${date(w.issuedOn)}${w.issuedHow ? `, ${t(`card.warning.how.${w.issuedHow}`)}` : ''}` : ''),
            },
            { header: t('card.warning.received'), cell: (w) => date(w.receivedOn) },
            { header: t('card.warning.cutoff'), cell: (w) => date(w.earliestCutoffOn) },
            { header: t('card.warning.closed'), cell: (w) => date(w.closedOn) },
            {
              header: t('card.warning.cancelReason'),
              cell: (w) => (w.cancelReason ? [t(`card.warning.reason.${w.cancelReason}`), w.cancelNote].filter(Boolean).join('; ') : ''),
            },
          ]}
        />
      )}
    </Stack>
  );
}

/** The point's places in disconnection orders: the act of each cut-off, or why it did not happen. */
function CutoffsTable({ pointId, cutoffs }: { pointId: number; cutoffs: CardCutoff[] }) {
  const { t, locale } = useI18n();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('card.cutoffs')}
      </Text>
      {cutoffs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('card.noCutoffs')}
        </Text>
      ) : (
        <HistoryTable
          height={220}
          testId={`cutoffs-${pointId}`}
          rows={cutoffs}
          columns={[
            { header: t('card.cutoff.order'), cell: (c) => c.orderName },
            { header: t('card.cutoff.date'), cell: (c) => formatDate(c.orderDate, locale) },
            {
              header: t('card.cutoff.outcome'),
              cell: (c) => (
                <Badge variant="light" color={c.outcome === 'done' ? 'red' : c.outcome === 'not_done' ? 'gray' : 'orange'}>
                  {t(`card.cutoff.outcome.${c.outcome ?? 'none'}`)}
                </Badge>
              ),
            },
            { header: t('card.cutoff.doneAt'), cell: (c) => formatLocalDateTime(c.doneAt, locale) },
            { header: t('card.cutoff.seal'), cell: (c) => c.sealNumber ?? '' },
            { header: t('card.cutoff.reading'), cell: (c) => c.reading ?? '', right: true },
            { header: t('card.cutoff.reason'), cell: (c) => (c.notDoneReason ? t(`orders.reason.${c.notDoneReason}`) : '') },
          ]}
        />
      )}
    </Stack>
  );
}

/** The point's reconnection orders: their deadlines, and whether the crew kept to them. */
function ReconnectionsTable({ pointId, reconnections }: { pointId: number; reconnections: ReconnectionRow[] }) {
  const { t, locale } = useI18n();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('card.reconnections')}
      </Text>
      {reconnections.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('card.noReconnections')}
        </Text>
      ) : (
        <HistoryTable
          height={220}
          testId={`reconnections-${pointId}`}
          rows={reconnections}
          columns={[
            { header: t('card.reconnection.formed'), cell: (r) => formatDate(r.formedOn, locale) },
            {
              header: t('reconnections.basis'),
              cell: (r) => [t(`reconnections.basis.${r.basis}`), r.basisNote].filter(Boolean).join(': '),
            },
            { header: t('card.reconnection.deadline'), cell: (r) => formatDate(r.deadlineOn, locale) },
            {
              header: t('card.reconnection.status'),
              cell: (r) => (
                <Group gap={4} wrap="nowrap">
                  <Badge variant="light" color={reconnectionColor[reconnectionState(r)]}>
                    {t(`reconnections.status.${reconnectionState(r)}`)}
                  </Badge>
                  {r.overdue && r.status === 'done' && (
                    <Text size="xs" c="red">
                      {t('card.reconnection.overdue')}
                    </Text>
                  )}
                </Group>
              ),
            },
            { header: t('card.reconnection.doneAt'), cell: (r) => formatLocalDateTime(r.doneAt, locale) },
            { header: t('card.reconnection.seal'), cell: (r) => r.sealNumber ?? '' },
          ]}
        />
      )}
    </Stack>
  );
}
