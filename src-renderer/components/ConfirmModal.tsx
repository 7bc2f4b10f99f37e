import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { FocusNow } from './FocusNow';

interface Props {
  opened: boolean;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Enter confirms (the button has the focus), Esc cancels. */
export function ConfirmModal({ opened, title, children, confirmLabel, danger, onConfirm, onCancel }: Props) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onCancel} title={title} returnFocus={false}>
      <Stack gap="md">
        <FocusNow />
        {children}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button color={danger ? 'red' : undefined} onClick={onConfirm} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
