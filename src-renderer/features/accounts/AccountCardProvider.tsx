import { Badge, Group, Modal, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { createContext, lazy, Suspense, useContext, useMemo, useState, type ReactNode } from 'react';
import { access, allows } from '../../../shared/contract/access';
import type { AccountCard } from '../../../shared/contract/accounts';
import { formatDate, formatMoney, formatPeriod } from '../../../shared/i18n/format';
import { useRead } from '../../api/use-read';
import { useAuth } from '../../app/AuthGate';
import { useHotkeys } from '../../app/hotkeys';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n, type Translate } from '../../i18n/i18n';
import { FormReconnectionForm } from '../orders/ReconnectionDialogs';
import { HistoryTable } from './HistoryTable';
import { PointDisconnection, awaitsReconnection } from './PointDisconnection';
import { PointMarks } from './PointMarks';
import { PointMeter } from './PointMeter';
import { PointPhotos } from './PointPhotos';

// The chart library is fetched when a card's consumption tab is first opened, not with the app's first screen.
const ConsumptionChart = lazy(() => import('../validation/ConsumptionChart').then((m) => ({ default: m.ConsumptionChart })));

const CardContext = createContext<{ open: (accountId: number) => void } | null>(null);

/** Holds the one account card of the app, so any screen that shows an account can open it. */
export function AccountCardProvider({ children }: { children: ReactNode }) {
  const [accountId, setAccountId] = useState<number | null>(null);
  const value = useMemo(() => ({ open: setAccountId }), []);
  return (
    <CardContext.Provider value={value}>
      {children}
      {accountId !== null && <AccountCardModal accountId={accountId} onClose={() => setAccountId(null)} />}
    </CardContext.Provider>
  );
}

export function useAccountCard() {
  const card = useContext(CardContext);
  if (!card) throw new Error('useAccountCard outside AccountCardProvider');
  return card;
}

function AccountCardModal({ accountId, onClose }: { accountId: number; onClose: () => void }) {
  const { t } = useI18n();
  const { data, error } = useRead('accounts.card', { accountId });
  return (
    <Modal
      opened
      onClose={onClose}
      size="80rem"
      title={data ? t('card.title', { number: data.account.number }) : t('accounts.open')}
      returnFocus
    >
      <ErrorAlert error={error} />
      {data && <CardBody card={data} />}
    </Modal>
  );
}

/** What a payment has done: held by the bills' "paid" already, or still lowering the debt (wholly or in part). */
function applied(payment: AccountCard['payments'][number], t: Translate, money: (kop: number) => string) {
  if (payment.appliedKop >= payment.amountKop) return t('card.applied');
  if (payment.appliedKop === 0) return t('card.notApplied');
  return t('card.partlyApplied', { rest: money(payment.amountKop - payment.appliedKop) });
}

function CardBody({ card }: { card: AccountCard }) {
  const { t, locale } = useI18n();
  const { user } = useAuth();
  const mayReconnect = allows(user.role, access['reconnections.form']);
  const [reconnecting, setReconnecting] = useState<AccountCard['points'][number] | null>(null);
  // F6 on the card: the (first) disconnected point with no reconnection in work; the card is a dialog itself.
  useHotkeys(
    {
      f6: () => {
        const point = card.points.find(awaitsReconnection);
        if (mayReconnect && point && !reconnecting) setReconnecting(point);
      },
    },
    { inModal: true },
  );
  const { account, ledger } = card;
  const money = (kop: number) => formatMoney(kop, locale);
  const date = (iso: string | null) => (iso ? formatDate(iso, locale) : t('common.none'));
  return (
    <Stack gap="md" data-testid="account-card">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Field label={t('card.consumer')} value={account.fullName} />
        <Field label={t('accounts.address')} value={account.address} />
        <Field label={t('accounts.phone')} value={account.phone || t('common.none')} />
        <Field
          label={t('card.debtAsOf', { date: date(ledger.asOf) })}
          value={
            <Group gap="xs">
              <Text fw={600} data-testid="card-debt">
                {money(ledger.debtKop)}
              </Text>
              {ledger.debtKop > 0 && <Badge color="red">{t('card.debt')}</Badge>}
              {ledger.creditKop > 0 && <Badge color="green">{t('card.overpaid', { sum: money(ledger.creditKop) })}</Badge>}
              {ledger.notDueKop > 0 && (
                <Text size="sm" c="dimmed">
                  {t('card.notDue', { sum: money(ledger.notDueKop) })}
                </Text>
              )}
            </Group>
          }
        />
      </SimpleGrid>
      {card.points.map((point) => (
        <Stack key={point.id} gap="xs" data-testid={`point-${point.id}`}>
          <Title order={4}>
            {t('card.point')} · {t(`card.commodity.${point.commodity}`)}{' '}
            <Badge color={point.status === 'connected' ? 'green' : 'gray'}>{t(`points.${point.status}`)}</Badge>{' '}
            {card.points.length > 1 && point.debtKop > 0 && <Badge color="red">{t('card.pointDebt', { sum: money(point.debtKop) })}</Badge>}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <Field label={t('accounts.address')} value={point.address} />
            <Field label={t('card.route')} value={point.routeNumber ? `№ ${point.routeNumber} — ${point.routeName}` : t('card.noRoute')} />
            <Field
              label={t('card.meter')}
              value={
                point.meter ? (
                  <Text data-testid={`card-meter-${point.id}`}>
                    {t('card.meterLine', {
                      ...point.meter,
                      placement: point.meter.placement || '—',
                      condition: point.meter.condition || '—',
                      due: point.meter.verificationDue ? date(point.meter.verificationDue) : '—',
                    })}
                    {point.meter.seals && `; ${t('card.seals', { seals: point.meter.seals })}`}
                    {point.meter.installedOn && `; ${t('card.installedOn', { date: date(point.meter.installedOn) })}`}
                  </Text>
                ) : (
                  t('card.noMeter')
                )
              }
            />
            <Field label={t('card.flags')} value={<PointMarks point={point} />} />
          </SimpleGrid>
          <Tabs defaultValue="readings" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="readings">
                {t('card.readings')} ({point.readings.length})
              </Tabs.Tab>
              <Tabs.Tab value="bills">
                {t('card.bills')} ({point.bills.length})
              </Tabs.Tab>
              <Tabs.Tab value="disconnection">
                {t('card.disconnection')} ({point.warnings.length + point.cutoffs.length + point.reconnections.length})
              </Tabs.Tab>
              <Tabs.Tab value="consumption">{t('card.consumption')}</Tabs.Tab>
              <Tabs.Tab value="photos">{t('card.photos')}</Tabs.Tab>
              <Tabs.Tab value="meter">
                {t('card.meterTab')} ({point.removedMeters.length + point.findings.length})
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="readings" pt="xs">
              <HistoryTable
                height={260}
                rows={point.readings}
                columns={[
                  { header: t('card.date'), cell: (reading) => date(reading.takenOn) },
                  { header: t('card.value'), cell: (reading) => reading.value, right: true },
                  { header: t('card.kind'), cell: (reading) => t(`card.kind.${reading.kind}`) },
                  { header: t('card.enteredBy'), cell: (reading) => reading.enteredBy ?? t('common.none') },
                  {
                    header: t('card.readingFlag'),
                    cell: (reading) =>
                      reading.afterDisconnection ? (
                        <Badge color="red" variant="light">
                          {t('card.afterDisconnection')}
                        </Badge>
                      ) : null,
                  },
                ]}
              />
            </Tabs.Panel>
            <Tabs.Panel value="bills" pt="xs">
              <HistoryTable
                height={260}
                testId={`bills-${point.id}`}
                rows={point.bills}
                columns={[
                  { header: t('card.period'), cell: (bill) => formatPeriod(bill.period, locale) },
                  { header: t('card.amount'), cell: (bill) => money(bill.amountKop), right: true },
                  { header: t('card.paid'), cell: (bill) => money(bill.paidKop), right: true },
                  { header: t('card.delivered'), cell: (bill) => date(bill.deliveredOn) },
                  {
                    header: t('card.unpaid'),
                    cell: (bill) =>
                      bill.unpaidKop === 0
                        ? ''
                        : bill.dueOn > ledger.asOf
                          ? t('card.unpaidNotDue', { sum: money(bill.unpaidKop), date: date(bill.dueOn) })
                          : money(bill.unpaidKop),
                    right: true,
                  },
                ]}
              />
            </Tabs.Panel>
            <Tabs.Panel value="disconnection" pt="xs">
              <PointDisconnection point={point} onReconnect={mayReconnect ? () => setReconnecting(point) : undefined} />
            </Tabs.Panel>
            <Tabs.Panel value="consumption" pt="xs">
              <Suspense fallback={<Text size="sm">{t('app.loading')}</Text>}>
                <ConsumptionChart pointId={point.id} />
              </Suspense>
            </Tabs.Panel>
            <Tabs.Panel value="photos" pt="xs">
              <PointPhotos pointId={point.id} />
            </Tabs.Panel>
            <Tabs.Panel value="meter" pt="xs">
              <PointMeter point={point} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      ))}
      <Title order={4}>{t('card.payments')}</Title>
      <HistoryTable
        height={200}
        testId="card-payments"
        rows={card.payments}
        columns={[
          { header: t('card.date'), cell: (payment) => date(payment.paidOn) },
          { header: t('card.amount'), cell: (payment) => money(payment.amountKop), right: true },
          { header: t('card.source'), cell: (payment) => payment.source },
          { header: t('card.applied.header'), cell: (payment) => applied(payment, t, money) },
        ]}
      />
      {reconnecting && (
        <FormReconnectionForm
          point={{ pointId: reconnecting.id, accountNumber: card.account.number, address: reconnecting.address }}
          onClose={() => setReconnecting(null)}
        />
      )}
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {typeof value === 'string' ? <Text>{value}</Text> : value}
    </div>
  );
}
