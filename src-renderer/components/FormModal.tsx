import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { FocusNow } from './FocusNow';

interface Props {
  opened: boolean;
  title: ReactNode;
  onClose: () => void;
  /** Resolves when saved; an ApiError keeps the form open and shows the core's words. */
  onSubmit: () => Promise<void>;
  submitLabel?: string;
  danger?: boolean;
  children: ReactNode;
}

/** Enter submits, Esc cancels, focus stays inside while open (Mantine traps it). */
export function FormModal({ opened, title, onClose, onSubmit, submitLabel, danger, children }: Props) {
  const { t } = useI18n();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await onSubmit();
      setError(null);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError({ code: 'internal', message: String(caught) }));
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    setError(null);
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={title} size="lg" returnFocus={false}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <FocusNow />
          {error && (
            <Alert color="red" role="alert" data-field={error.field}>
              {error.message}
            </Alert>
          )}
          {children}
          <Group justify="space-between" mt="sm">
            <Text size="xs" c="dimmed">
              {t('common.keysForm')}
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy} color={danger ? 'red' : undefined}>
                {submitLabel ?? t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
