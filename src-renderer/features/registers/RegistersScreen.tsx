import { Button, Group, Kbd, NumberInput, Select, Stack, Text } from '@mantine/core';
import { skipToken } from '@tanstack/react-query';
import { useState } from 'react';
import { localToday } from '../../../shared/dates';
import {
  disconnectionRegisterKinds,
  noControlDaysDefault,
  registerStatuses,
  walkReportKinds,
  type RegisterCell,
  type RegisterKind,
  type RegisterStatus,
} from '../../../shared/contract/registers';
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
import { RoutePicker } from '../assignment/RoutePicker';
import { ReadingsByDayChart } from './ReadingsByDayChart';

const firstOfMonth = () => `${localToday().slice(0, 8)}01`;
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Row = Record<string, RegisterCell>;

const groups = { disconnection: disconnectionRegisterKinds, walk: walkReportKinds } as const;
/** Rows as the screen sorts them: numbers as numbers, words in Ukrainian order, empty last. */
const collator = new Intl.Collator('uk', { numeric: true });
const compareCells = (a: RegisterCell | undefined, b: RegisterCell | undefined) => {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
  if (b === null || b === undefined) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
};

/**
 * Звіти / Реєстри відключень (warnings, orders, cut-offs, reconnections) and Звіти / Виконання
 * звітів (how the walk is going) for a period, as the core lists them, sorted by any column on
 * screen. Ctrl+P prints, Ctrl+S saves the PDF, Ctrl+E writes XLSX — all from the same table, so
 * the file and the paper hold what the core gave.
 */
export function RegistersScreen({ group }: { group: keyof typeof groups }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const status = useStatus();
  const kinds = groups[group];
  const [kind, setKind] = useState<RegisterKind>(kinds[0]);
  const [state, setState] = useState<RegisterStatus>('all');
  const [dateFrom, setDateFrom] = useState(firstOfMonth);
  const [dateTo, setDateTo] = useState(localToday);
  const [routeId, setRouteId] = useState<number | null>(null);
  const [days, setDays] = useState<string | number>(noControlDaysDefault);
  const [sort, setSort] = useState<{ key: string; descending: boolean } | null>(null);
  const { run, busy, error: actionError } = useAction();
  const filter = {
    kind,
    status: state,
    dateFrom,
    dateTo,
    routeId,
    days: kind === 'noControl' && typeof days === 'number' && days >= 1 ? days : null,
  };
  const valid = dateFrom !== '' && dateTo !== '' && dateFrom <= dateTo;
  const table = useRead('registers.table', valid ? filter : skipToken);
  // The printable page is asked for only when a browser has to print it itself.
  const [printHtml, setPrintHtml] = useState<string | null>(null);

  const chooseKind = (next: RegisterKind) => {
    setKind(next);
    setState('all');
    setSort(null);
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
  const shown = [...(data?.rows ?? [])];
  if (sort) shown.sort((a, b) => compareCells(a[sort.key], b[sort.key]) * (sort.descending ? -1 : 1));
  const rowIndex = new Map(shown.map((row, index) => [row, index]));
  const columns: Column<Row>[] = (data?.columns ?? []).map((column) => ({
    key: column.key,
    header: column.label,
    align: column.kind === 'money' || column.kind === 'number' ? 'right' : 'left',
    render: (row) => registerCellText(row[column.key], column.kind, locale),
  }));
  return (
    <Screen
      title={t(`registers.title.${group}`)}
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
            data={kinds.map((value) => ({ value, label: t(`registers.kind.${value}`) }))}
            allowDeselect={false}
            autoFocus
            // A register is always chosen: typing replaces its name rather than adding to it.
            onFocus={(event) => event.currentTarget.select()}
            w={200}
          />
          <DateRangeFilter from={dateFrom} to={dateTo} onFromChange={setDateFrom} onToChange={setDateTo} />
          {group === 'disconnection' ? (
            <Select
              label={t('registers.status')}
              value={state}
              onChange={(value) => setState(value ?? 'all')}
              data={registerStatuses[kind].map((value) => ({ value, label: t(`registers.status.${value}`) }))}
              allowDeselect={false}
              w={200}
            />
          ) : (
            <RoutePicker value={routeId} onChange={setRouteId} />
          )}
          {kind === 'noControl' && (
            <NumberInput label={t('registers.days')} value={days} onChange={setDays} min={1} max={3650} w={140} hideControls />
          )}
          <Select
            label={t('registers.sort')}
            value={sort ? `${sort.key}:${sort.descending ? 'desc' : 'asc'}` : null}
            onChange={(value) => setSort(value ? { key: value.split(':')[0]!, descending: value.endsWith(':desc') } : null)}
            data={(data?.columns ?? []).flatMap((column) => [
              { value: `${column.key}:asc`, label: `${column.label} ↑` },
              { value: `${column.key}:desc`, label: `${column.label} ↓` },
            ])}
            placeholder={t('registers.sortAsGiven')}
            clearable
            w={220}
          />
          {data && (
            <Text size="sm" c="dimmed" data-testid="register-totals">
              {[t('registers.total', { count: data.rows.length }), ...data.totals.map((x) => `${x.label}: ${x.count}`)].join(' · ')}
            </Text>
          )}
        </Group>
        {!valid && <Text c="red">{t('registers.badPeriod')}</Text>}
        <ErrorAlert error={table.error ?? actionError} />
        {kind === 'execution' && valid && <ReadingsByDayChart dateFrom={dateFrom} dateTo={dateTo} routeId={routeId} />}
        <DataTable
          label={data?.title ?? t(`registers.title.${group}`)}
          columns={columns}
          rows={shown}
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
