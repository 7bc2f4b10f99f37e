import { Badge, Button, Group, Kbd, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { access, allows } from '../../../shared/contract/access';
import type { OrderPosition } from '../../../shared/contract/orders';
import { formatDate, formatLocalDateTime, formatMoney } from '../../../shared/i18n/format';
import type { Locale } from '../../../shared/i18n/locales';
import { useApi } from '../../api/context';
import { useRead } from '../../api/use-read';
import { useAuth } from '../../app/AuthGate';
import { useHotkeys } from '../../app/hotkeys';
import { useRouter } from '../../app/router';
import { useStatus } from '../../app/status';
import { DataTable, type Column } from '../../components/DataTable';
import { download } from '../../components/download';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Screen } from '../../components/Screen';
import { useAction } from '../../components/use-action';
import { useI18n, type Translate } from '../../i18n/i18n';
import { NotDoneForm, RecordDoneForm } from './CutoffDialogs';
import { orderStatusColor } from './OrdersScreen';
import { FormReconnectionForm } from './ReconnectionDialogs';
import { PrintButtons } from '../../components/PrintButtons';

type Dialog = { kind: 'done' | 'notDone' | 'reconnect'; position: OrderPosition };

/** What became of a position: the act of the cut-off, or why it did not happen; nothing yet, nothing shown. */
export function positionOutcome(p: OrderPosition, t: Translate, locale: Locale): string {
  if (p.outcome === 'done')
    return [
      t('orders.outcome.done', { at: formatLocalDateTime(p.doneAt, locale) }),
      p.sealNumber ? t('orders.outcome.seal', { seal: p.sealNumber }) : '',
      p.reading === null ? '' : t('orders.outcome.reading', { reading: p.reading }),
      p.executorName ?? '',
    ]
      .filter(Boolean)
      .join('; ');
  if (p.outcome === 'not_done')
    return [t('orders.outcome.notDone', { reason: p.notDoneReason ? t(`orders.reason.${p.notDoneReason}`) : '' }), p.note]
      .filter(Boolean)
      .join('; ');
  return '';
}

/**
 * One disconnection order, its positions in the order's (address) order. On the active position
 * F4 records the cut-off, F8 that it was not done; on one cut off, F6 forms its reconnection.
 * The order stays «Новий» until every position has an outcome. Ctrl+P prints it as the crew's
 * sheet (the host's printer; in a browser, the PDF is saved instead), Ctrl+S saves the PDF.
 */
export function OrderScreen({ id }: { id: number }) {
  const { t, locale } = useI18n();
  const { go } = useRouter();
  const { user } = useAuth();
  const order = useRead('orders.get', { id });
  const [active, setActive] = useState<OrderPosition | undefined>();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const mayRecord = allows(user.role, access['orders.recordDone']);
  const mayReconnect = allows(user.role, access['reconnections.form']);
  const mayPrint = allows(user.role, access['print.order']);
  const api = useApi();
  const status = useStatus();
  const printing = useAction();
  const positions = [...(order.data?.positionsList ?? [])].sort((a, b) => a.seq - b.seq);
  // The row the dialog is for is the one in the newest answer, so it shows today's debt after a refetch.
  const current = active && positions.find((p) => p.id === active.id);

  const open = (kind: Dialog['kind']) => {
    if (!current) return;
    if (kind === 'reconnect' ? mayReconnect && current.outcome === 'done' : mayRecord && current.outcome === null)
      setDialog({ kind, position: current });
  };
  const pdfToFile = async () => {
    const pdf = await api.call('print.orderPdf', { id });
    download(pdf.base64, pdf.fileName, 'application/pdf');
    status.show(t('sheet.pdfSaved', { file: pdf.fileName, pages: pdf.pages }));
  };
  const savePdf = () => printing.run(pdfToFile);
  // Without a printer of the host's (a browser), the paper is the PDF saved for printing.
  const print = () =>
    printing.run(async () => {
      const { printedByHost } = await api.call('print.order', { id });
      if (printedByHost) status.show(t('orders.printed'));
      else await pdfToFile();
    });
  useHotkeys({
    f4: () => open('done'),
    f8: () => open('notDone'),
    f6: () => open('reconnect'),
    esc: () => go({ name: 'orders' }),
  });
  const money = (kop: number | null) => (kop === null ? '' : formatMoney(kop, locale));

  const columns: Column<OrderPosition>[] = [
    { key: 'seq', header: t('orders.seq'), render: (p) => p.seq, width: 50, align: 'right' },
    { key: 'account', header: t('orders.account'), render: (p) => p.accountNumber, width: 90 },
    { key: 'name', header: t('orders.consumer'), render: (p) => p.fullName },
    { key: 'address', header: t('orders.address'), render: (p) => p.address },
    { key: 'basis', header: t('orders.basis'), render: (p) => t(`orders.basis.${p.basis}`), width: 100 },
    { key: 'debt', header: t('orders.debtFormed'), render: (p) => money(p.debtKop), align: 'right', width: 120 },
    {
      key: 'debtNow',
      header: t('orders.debtNow'),
      render: (p) => (
        <Text size="sm" c={p.outcome === null && p.paidBelowMinimum ? 'green' : undefined}>
          {money(p.debtNowKop)}
        </Text>
      ),
      align: 'right',
      width: 120,
    },
    {
      key: 'outcome',
      header: t('orders.outcome'),
      render: (p) =>
        p.outcome === null ? (
          ''
        ) : (
          <Group gap={6} wrap="nowrap">
            <Badge variant="light" color={p.outcome === 'done' ? 'red' : 'gray'} style={{ flexShrink: 0 }}>
              {t(`orders.outcomeShort.${p.outcome}`)}
            </Badge>
            <Text size="xs">{positionOutcome(p, t, locale)}</Text>
          </Group>
        ),
    },
  ];

  const data = order.data;
  return (
    <Screen
      title={data ? t('orders.title', { name: data.name }) : t('orders.listTitle')}
      actions={
        <>
          {mayRecord && (
            <>
              <Button disabled={current?.outcome !== null} color="red" onClick={() => open('done')} rightSection={<Kbd size="xs">F4</Kbd>}>
                {t('orders.recordDone')}
              </Button>
              <Button
                variant="default"
                disabled={current?.outcome !== null}
                onClick={() => open('notDone')}
                rightSection={<Kbd size="xs">F8</Kbd>}
              >
                {t('orders.recordNotDone')}
              </Button>
            </>
          )}
          {mayReconnect && (
            <Button
              variant="default"
              disabled={current?.outcome !== 'done'}
              onClick={() => open('reconnect')}
              rightSection={<Kbd size="xs">F6</Kbd>}
            >
              {t('orders.formReconnection')}
            </Button>
          )}
          {mayPrint && <PrintButtons onPrint={print} onPdf={savePdf} busy={printing.busy} />}
          <Button variant="default" onClick={() => go({ name: 'orders' })} rightSection={<Kbd size="xs">Esc</Kbd>}>
            {t('orders.toList')}
          </Button>
        </>
      }
    >
      <ErrorAlert error={order.error ?? printing.error} />
      {data && (
        <Stack gap={4}>
          <Group gap="sm">
            <Badge variant="light" color={orderStatusColor[data.status]} data-testid="order-status">
              {t(`orders.status.${data.status}`)}
            </Badge>
            <Text size="sm">
              {t('orders.summary', {
                date: formatDate(data.orderDate, locale),
                criterion: t(`orders.criterion.${data.criterion}`),
                positions: data.positions,
                done: data.done,
                notDone: data.notDone,
              })}
            </Text>
          </Group>
        </Stack>
      )}
      <DataTable
        label={t('orders.positionsTitle')}
        testId="order-positions"
        columns={columns}
        rows={positions}
        rowKey={(p) => p.id}
        onActiveChange={setActive}
        emptyText={t('orders.noPositions')}
      />
      <Text size="xs" c="dimmed">
        {t('orders.positionKeys')}
      </Text>
      {dialog?.kind === 'done' && <RecordDoneForm position={dialog.position} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'notDone' && <NotDoneForm position={dialog.position} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reconnect' && (
        <FormReconnectionForm
          point={{ pointId: dialog.position.pointId, accountNumber: dialog.position.accountNumber, address: dialog.position.address }}
          onClose={() => setDialog(null)}
        />
      )}
    </Screen>
  );
}
