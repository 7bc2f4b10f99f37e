import { Alert, Button, Group, Kbd, SimpleGrid, Stack, Text } from '@mantine/core';
import { TextField } from '../../components/fields';
import { useState } from 'react';
import type { BackupPreview, BackupRow } from '../../../shared/contract/backups';
import { formatDateTime } from '../../../shared/i18n/format';
import { useApi } from '../../api/context';
import { useRead } from '../../api/use-read';
import { useHotkeys } from '../../app/hotkeys';
import { useStatus } from '../../app/status';
import { ConfirmModal } from '../../components/ConfirmModal';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Screen } from '../../components/Screen';
import { useAction } from '../../components/use-action';
import { useI18n } from '../../i18n/i18n';

/** Сервіс / Резервні копії: the automatic copies, a manual one, and restoring one with a preview first. */
export function BackupsScreen() {
  const { t, number, locale } = useI18n();
  const when = (iso: string) => formatDateTime(iso, locale);
  const api = useApi();
  const status = useStatus();
  const { data, error } = useRead('backups.status', {});
  const [target, setTarget] = useState('');
  const [active, setActive] = useState<BackupRow | undefined>();
  const [preview, setPreview] = useState<BackupPreview | null>(null);
  const { run, error: actionError } = useAction();
  const inspect = (file: string) => run(async () => setPreview(await api.call('backups.inspect', { file })));
  const create = () =>
    run(async () => {
      const made = await api.call('backups.create', target.trim() ? { file: target.trim() } : {});
      status.show(t('backups.created', { file: made.file }));
    });
  const restore = (file: string) =>
    run(async () => {
      setPreview(null);
      const result = await api.call('backups.restore', { file });
      status.show(t('backups.restored', { date: when(result.restored.createdAt) }));
    });
  useHotkeys({ insert: () => void create() });

  const columns: Column<BackupRow>[] = [
    { key: 'date', header: t('backups.date'), render: (b) => when(b.createdAt), width: 170 },
    { key: 'reason', header: t('backups.reason'), render: (b) => t(`backups.reason.${b.reason}` as 'backups.reason.start'), width: 160 },
    { key: 'size', header: t('backups.size'), render: (b) => number(b.bytes / 2 ** 20, 1), width: 120, align: 'right' },
    { key: 'file', header: t('backups.file'), render: (b) => b.file },
  ];
  const damaged = data && data.integrity !== 'ok' && data.integrity !== 'checking';

  return (
    <Screen title={t('backups.title')}>
      <ErrorAlert error={error ?? actionError} />
      {data && (
        <Stack gap={4}>
          <Text size="sm">
            {t('backups.dataFile')}: {data.dataFile}
          </Text>
          {damaged ? (
            <Alert color="red" title={t('backups.damaged')} data-testid="integrity">
              {data.integrity}
            </Alert>
          ) : (
            <Text size="sm" c="dimmed" data-testid="integrity">
              {t(data.integrity === 'ok' ? 'backups.integrityOk' : 'backups.integrityChecking')}
            </Text>
          )}
        </Stack>
      )}
      <Group align="flex-end">
        <TextField label={t('backups.target')} placeholder={data?.backupsDir} value={target} onValue={setTarget} w={520} />
        <Button onClick={() => void create()} rightSection={<Kbd size="xs">Ins</Kbd>}>
          {t('backups.create')}
        </Button>
        <Button variant="default" disabled={!active} onClick={() => active && void inspect(active.file)}>
          {t('backups.restore')}
        </Button>
      </Group>
      <DataTable
        label={t('backups.title')}
        testId="backups-table"
        columns={columns}
        rows={data?.backups ?? []}
        rowKey={(b) => b.file}
        onActiveChange={setActive}
        onOpen={(b) => void inspect(b.file)}
      />
      <ConfirmModal
        opened={preview !== null}
        title={t('backups.confirmTitle')}
        confirmLabel={t('backups.restore')}
        danger
        onCancel={() => setPreview(null)}
        onConfirm={() => preview && void restore(preview.file)}
      >
        {preview && (
          <SimpleGrid cols={2} spacing={4} data-testid="backup-preview">
            <Text c="dimmed">{t('backups.date')}</Text>
            <Text>{when(preview.createdAt)}</Text>
            <Text c="dimmed">{t('home.accounts')}</Text>
            <Text>{number(preview.counts.accounts)}</Text>
            <Text c="dimmed">{t('home.points')}</Text>
            <Text>{number(preview.counts.points)}</Text>
            <Text c="dimmed">{t('backups.readings')}</Text>
            <Text>{number(preview.counts.readings)}</Text>
            <Text c="dimmed">{t('backups.tasks')}</Text>
            <Text>{number(preview.counts.tasks)}</Text>
            <Text size="sm" c="red" style={{ gridColumn: '1 / -1' }}>
              {t('backups.confirmText')}
            </Text>
          </SimpleGrid>
        )}
      </ConfirmModal>
    </Screen>
  );
}
