import { Button, Group, Kbd, Select, Stack, Text } from '@mantine/core';
import { skipToken } from '@tanstack/react-query';
import { useState } from 'react';
import { localToday } from '../../../shared/dates';
import { registerKinds, registerStatuses, type RegisterKind, type RegisterStatus } from '../../../shared/contract/registers';
import { registerCellText } from '../../../shared/i18n/register-cell';
import { useApi } from '../../api/context';
import { useRead } from '../../api/use-read';
import { useHotkeys } from '../../app/hotkeys';
import { useStatus } from '../../app/status';
import { DataTable, type Column } from '../../components/DataTable';
import { DateRangeFilter } from '../../components/DateRangeFilter';
import { download } from '../../components/download';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PickSelect } from '../../components/PickSelect';
import { Screen } from '../../components/Screen';
import { useAction } from '../../components/use-action';
import { useI18n } from '../../i18n/i18n';
import { PrintButtons } from '../../components/PrintButtons';

const firstOfMonth = () => `${localToday().slice(0, 8)}01`;
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Row = Record<string, string | number | null>;

/**
 * Звіти / Реєстри відключень: warnings, orders, cut-offs and reconnections for a period, as the
 * core lists them. Ctrl+P prints, Ctrl+S saves the PDF, Ctrl+E writes XLSX — all from the same
 * table, so the file and the paper hold what the screen shows.
 */
export function RegistersScreen() {
  const { t, locale } = useI18n();
  const api = useApi();
  const status = useStatus();
  const [kind, setKind] = useState<RegisterKind>('warnings');
  const [state, setState] = useState<RegisterStatus>('all');
  const [dateFrom, setDateFrom] = useState(firstOfMonth);
  const [dateTo, setDateTo] = useState(localToday);
  const { run, busy, error: actionError } = useAction();
  const filter = { kind, status: state, dateFrom, dateTo };
  const valid = dateFrom !== '' && dateTo !== '' && dateFrom <= dateTo;
  const table = useRead('registers.table', valid ? filter : skipToken);
  // The printable page is asked for only when a browser has to print it itself.
  const [printHtml, setPrintHtml] = useState<string | null>(null);

  const chooseKind = (next: RegisterKind) => {
    setKind(next);
    setState('all');
  };
  const print = () =>
    valid &&
    run(async () => {
      const { printedByHost } = await api.call('print.register', filter);
      if (!printedByHost) setPrintHtml((await api.call('registers.page', filter)).html);
    });
  const savePdf = () =>
    valid &&
    run(async () => {
      const pdf = await api.call('print.registerPdf', filter);
      download(pdf.base64, pdf.fileName, 'application/pdf');
      status.show(t('sheet.pdfSaved', { file: pdf.fileName, pages: pdf.pages }));
    });
  const saveXlsx = () =>
    valid &&
    run(async () => {
      const file = await api.call('registers.file', filter);
      download(file.base64, file.fileName, xlsxType);
      status.show(t('export.done', { rows: file.rows, file: file.fileName }));
    });
  useHotkeys({ 'ctrl+e': () => void saveXlsx() });

  const data = table.data;
  const rowIndex = new Map((data?.rows ?? []).map((row, index) => [row, index]));
  const columns: Column<Row>[] = (data?.columns ?? []).map((column) => ({
    key: column.key,
    header: column.label,
    align: column.kind === 'money' || column.kind === 'number' ? 'right' : 'left',
    render: (row) => registerCellText(row[column.key], column.kind, locale),
  }));
  return (
    <Screen
      title={t('registers.title')}
      actions={
        <>
          <PrintButtons onPrint={print} onPdf={savePdf} busy={busy} disabled={!valid} />
          <Button
            variant="default"
            onClick={() => void saveXlsx()}
            loading={busy}
            disabled={!valid}
            rightSection={<Kbd size="xs">Ctrl+E</Kbd>}
          >
            XLSX
          </Button>
        </>
      }
    >
      <Stack gap="sm">
        <Group align="flex-end">
          <PickSelect
            label={t('registers.kindLabel')}
            value={kind}
            onChange={(value) => value && chooseKind(value)}
            data={registerKinds.map((value) => ({ value, label: t(`registers.kind.${value}`) }))}
            allowDeselect={false}
            autoFocus
            // A register is always chosen: typing replaces its name rather than adding to it.
            onFocus={(event) => event.currentTarget.select()}
            w={200}
          />
          <DateRangeFilter from={dateFrom} to={dateTo} onFromChange={setDateFrom} onToChange={setDateTo} />
          <Select
            label={t('registers.status')}
            value={state}
            onChange={(value) => setState(value ?? 'all')}
            data={registerStatuses[kind].map((value) => ({ value, label: t(`registers.status.${value}`) }))}
            allowDeselect={false}
            w={200}
          />
          {data && (
            <Text size="sm" c="dimmed" data-testid="register-totals">
              {[t('registers.total', { count: data.rows.length }), ...data.totals.map((x) => `${x.label}: ${x.count}`)].join(' · ')}
            </Text>
          )}
        </Group>
        {!valid && <Text c="red">{t('registers.badPeriod')}</Text>}
        <ErrorAlert error={table.error ?? actionError} />
        <DataTable
          label={data?.title ?? t('registers.title')}
          columns={columns}
          rows={data?.rows ?? []}
          rowKey={(row) => rowIndex.get(row) ?? 0}
          emptyText={t('registers.empty')}
          testId="register"
        />
        <Text size="xs" c="dimmed">
          {t('registers.keys')}
        </Text>
        {printHtml !== null && (
          <iframe
            title={t('registers.preview')}
            srcDoc={printHtml}
            sandbox="allow-modals allow-same-origin"
            style={{ display: 'none' }}
            onLoad={(event) => {
              event.currentTarget.contentWindow?.print();
              setPrintHtml(null);
            }}
          />
        )}
      </Stack>
    </Screen>
  );
}
