import { Button, Checkbox, Group, Kbd, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { localToday } from '../../../shared/dates';
import { useApi } from '../../api/context';
import { useStatus } from '../../app/status';
import { DateField } from '../../components/DateField';
import { download } from '../../components/download';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Screen } from '../../components/Screen';
import { useAction } from '../../components/use-action';
import { useI18n } from '../../i18n/i18n';
import { RoutePicker } from '../assignment/RoutePicker';

const firstOfMonth = () => `${localToday().slice(0, 8)}01`;

/** Звіти / Експорт показників: what was entered, for the billing system, as CSV or XLSX. */
export function ExportScreen() {
  const { t } = useI18n();
  const api = useApi();
  const status = useStatus();
  const [dateFrom, setDateFrom] = useState(firstOfMonth);
  const [dateTo, setDateTo] = useState(localToday);
  const [routeId, setRouteId] = useState<number | null>(null);
  const [format, setFormat] = useState<'csv' | 'xlsx'>('xlsx');
  const [includeQueued, setIncludeQueued] = useState(false);
  const { run, busy, error } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const file = await api.call('export.readingsFile', { dateFrom, dateTo, routeId, format, includeQueued });
      download(
        file.base64,
        file.fileName,
        format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      status.show(
        file.skippedQueued > 0
          ? t('export.doneSkipped', { rows: file.rows, file: file.fileName, skipped: file.skippedQueued })
          : t('export.done', { rows: file.rows, file: file.fileName }),
      );
    });
  };

  return (
    <Screen title={t('export.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={700}>
          <Text size="sm" c="dimmed">
            {t('export.hint')}
          </Text>
          <Group align="flex-end">
            <DateField label={t('tasks.dateFrom')} value={dateFrom} onValue={setDateFrom} w={170} autoFocus />
            <DateField label={t('tasks.dateTo')} value={dateTo} onValue={setDateTo} w={170} />
          </Group>
          <RoutePicker value={routeId} onChange={setRouteId} />
          <SegmentedControl
            value={format}
            onChange={(value) => setFormat(value === 'csv' ? 'csv' : 'xlsx')}
            data={[
              { value: 'xlsx', label: 'XLSX' },
              { value: 'csv', label: 'CSV' },
            ]}
            w={200}
          />
          <Checkbox
            label={t('export.includeQueued')}
            description={t('export.includeQueuedHint')}
            checked={includeQueued}
            onChange={(event) => setIncludeQueued(event.currentTarget.checked)}
            data-testid="export-include-queued"
          />
          <ErrorAlert error={error} />
          <Button type="submit" loading={busy} w={220} rightSection={<Kbd size="xs">Enter</Kbd>}>
            {t('export.submit')}
          </Button>
        </Stack>
      </form>
    </Screen>
  );
}
