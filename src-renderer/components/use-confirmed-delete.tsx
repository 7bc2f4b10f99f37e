import { Button, Kbd } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useStatus } from '../app/status';
import { useI18n } from '../i18n/i18n';
import { ConfirmModal } from './ConfirmModal';
import { useAction } from './use-action';

/**
 * Delete asks first (Enter deletes, Esc keeps). `remove` answers what the status line says once
 * done; a refusal stays on the screen as `error`.
 */
export function useConfirmedDelete<T>({ question, remove }: { question: (row: T) => ReactNode; remove: (row: T) => Promise<string> }) {
  const { t } = useI18n();
  const status = useStatus();
  const { run, error } = useAction();
  const [deleting, setDeleting] = useState<T | null>(null);
  const confirm = () => {
    if (deleting === null) return;
    const row = deleting;
    setDeleting(null);
    void run(async () => status.show(await remove(row)));
  };
  const dialog = (
    <ConfirmModal
      opened={deleting !== null}
      title={t('common.delete')}
      confirmLabel={t('common.delete')}
      danger
      onCancel={() => setDeleting(null)}
      onConfirm={confirm}
    >
      {deleting !== null && question(deleting)}
    </ConfirmModal>
  );
  return { ask: (row: T | undefined) => row !== undefined && setDeleting(row), error, dialog };
}

export function DeleteButton({ disabled, onClick }: { disabled: boolean; onClick: () => void }) {
  const { t } = useI18n();
  return (
    <Button variant="default" color="red" disabled={disabled} onClick={onClick} rightSection={<Kbd size="xs">Del</Kbd>}>
      {t('common.delete')}
    </Button>
  );
}
