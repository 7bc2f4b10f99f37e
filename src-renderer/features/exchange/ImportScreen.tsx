import { Alert, Button, FileInput, Group, Progress, SegmentedControl, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import {
  importFields,
  requiredAccountFields,
  requiredBillFields,
  requiredPaymentFields,
  type ImportKind,
  type ImportProblem,
  type ImportResult,
} from '../../../shared/contract/exchange';
import { useApi } from '../../api/context';
import { useStatus } from '../../app/status';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Screen } from '../../components/Screen';
import { useAction } from '../../components/use-action';
import { useI18n } from '../../i18n/i18n';

type Mapping = Record<string, number | undefined>;
const required: Record<ImportKind, readonly string[]> = {
  accounts: requiredAccountFields,
  bills: requiredBillFields,
  payments: requiredPaymentFields,
};

/** Reads the chosen file, reporting how much is read: the first part of a large import's progress. */
const asBase64 = (file: File, onProgress: (share: number) => void) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    // readAsDataURL always yields a string; the data: prefix goes, the base64 stays.
    reader.onload = () => resolve((reader.result as string).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`Cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });

/**
 * Сервіс / Імпорт абонентів: a CSV or XLSX from the billing system, its columns matched to the
 * fields (guessed from the header, adjustable), then written whole or not at all.
 */
export function ImportScreen() {
  const { t } = useI18n();
  const api = useApi();
  const status = useStatus();
  const { run, busy, error } = useAction();
  const [kind, setKind] = useState<ImportKind>('accounts');
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<{ header: string[]; sample: string[][]; rowCount: number } | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [result, setResult] = useState<ImportResult | null>(null);
  const problems = error?.code === 'import.rejected' ? (error.details as ImportProblem[]) : null;
  const [reading, setReading] = useState<number | null>(null);

  const load = (next: { name: string; base64: string } | null, forKind: ImportKind) =>
    run(async () => {
      setPreview(null);
      setResult(null);
      setFile(next);
      if (!next) return;
      const answer = await api.call('import.preview', { fileName: next.name, base64: next.base64, kind: forKind });
      setPreview(answer);
      setMapping(answer.mapping);
    });
  const choose = async (chosen: File | null) => {
    setReading(chosen ? 0 : null);
    const next = chosen ? { name: chosen.name, base64: await asBase64(chosen, setReading) } : null;
    setReading(null);
    await load(next, kind);
  };
  const start = () =>
    run(async () => {
      if (!file) return;
      setResult(null);
      const chosen = Object.fromEntries(Object.entries(mapping).filter((entry): entry is [string, number] => entry[1] !== undefined));
      const answer = await api.call('import.run', { fileName: file.name, base64: file.base64, kind, mapping: chosen });
      setResult(answer);
      status.show(doneText(answer), 'ok');
    });
  // A payments file also says how many non-payment warnings it cancelled, none included.
  const doneText = (done: ImportResult) =>
    done.cancelledWarnings === undefined ? t('import.done', { ...done }) : t('import.donePayments', { ...done });
  const columns = preview?.header.map((name, index) => ({ value: String(index), label: `${index + 1}. ${name}` })) ?? [];

  return (
    <Screen title={t('import.title')}>
      <Text size="sm" c="dimmed">
        {t('import.hint')}
      </Text>
      <SegmentedControl<ImportKind>
        value={kind}
        onChange={(next) => {
          setKind(next);
          void load(file, next);
        }}
        data={[
          { value: 'accounts', label: t('import.kind.accounts') },
          { value: 'bills', label: t('import.kind.bills') },
          { value: 'payments', label: t('import.kind.payments') },
        ]}
        w={480}
      />
      <FileInput
        label={t('import.file')}
        accept=".csv,.xlsx,text/csv"
        onChange={(chosen) => void choose(chosen)}
        w={420}
        clearable
        data-autofocus
        autoFocus
      />
      {preview && (
        <Stack gap="sm">
          <Text size="sm">{t('import.rows', { count: preview.rowCount })}</Text>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs" data-testid="import-mapping">
            {importFields[kind].map((field) => (
              <Select
                key={field}
                label={`${t(`import.field.${field}` as 'import.field.accountNumber')}${required[kind].includes(field) ? ' *' : ''}`}
                data={columns}
                value={mapping[field] === undefined ? null : String(mapping[field])}
                onChange={(value) => setMapping((current) => ({ ...current, [field]: value === null ? undefined : Number(value) }))}
                clearable
                searchable
              />
            ))}
          </SimpleGrid>
          <Table fz="xs" withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                {preview.header.map((name, index) => (
                  <Table.Th key={index}>{name}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.sample.map((row, index) => (
                <Table.Tr key={index}>
                  {row.map((cell, column) => (
                    <Table.Td key={column}>{cell}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group>
            <Button onClick={() => void start()} loading={busy}>
              {t('import.start')}
            </Button>
          </Group>
        </Stack>
      )}
      {reading !== null && <Progress value={reading * 100} aria-label={t('import.reading')} />}
      {busy && (
        <Stack gap={2}>
          <Progress value={100} animated striped aria-label={t('import.working')} />
          <Text size="xs" c="dimmed">
            {t('import.working')}
          </Text>
        </Stack>
      )}
      {/* A refused file is the core's refusal, with every problem it found: nothing was written. */}
      {problems === null && <ErrorAlert error={error} />}
      {result && (
        <Alert color="green" data-testid="import-result">
          {doneText(result)}
        </Alert>
      )}
      {problems && (
        <Stack gap={4} data-testid="import-problems">
          <Alert color="red">{error?.message}</Alert>
          <Table fz="sm" withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.line')}</Table.Th>
                <Table.Th>{t('import.column')}</Table.Th>
                <Table.Th>{t('import.value')}</Table.Th>
                <Table.Th>{t('import.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {problems.slice(0, 500).map((problem, index) => (
                <Table.Tr key={index}>
                  <Table.Td>{problem.line}</Table.Td>
                  <Table.Td>{problem.column}</Table.Td>
                  <Table.Td>{problem.value}</Table.Td>
                  <Table.Td>{problem.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Screen>
  );
}
