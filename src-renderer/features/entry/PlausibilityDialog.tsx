import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { TextField } from '../../components/fields';
import { useState, type FormEvent } from 'react';
import type { EntryCheck } from '../../../shared/contract/entry';
import type { ApiError } from '../../api/client';
import { FocusNow } from '../../components/FocusNow';
import { useI18n } from '../../i18n/i18n';

export type Confirmation = { confirmOverMax: true } | { confirmRollover: true } | { retypedValue: string };

interface Props {
  check: EntryCheck;
  unit: string;
  error: ApiError | null;
  /** False while keys still belong to the typing that came before the dialog. */
  armed: boolean;
  onConfirm: (confirmation: Confirmation) => void;
  onCancel: () => void;
}

/**
 * The two questions a reading may raise. Enter answers yes (or submits the re-typed value), Esc
 * goes back to the reading; focus is inside the dialog the moment it appears.
 */
export function PlausibilityDialog({ check, unit, error, armed, onConfirm, onCancel }: Props) {
  const { t } = useI18n();
  const [retyping, setRetyping] = useState(check.kind === 'belowPrevious' && check.rolloverConsumption === null);
  const title = check.kind === 'overMax' ? t('entry.overMaxTitle') : t('entry.belowTitle');
  return (
    <Modal opened onClose={onCancel} title={title} returnFocus={false}>
      <Stack gap="sm" data-armed={armed} data-testid="plausibility">
        {check.kind === 'overMax' ? (
          <>
            <FocusNow />
            <Text>{t('entry.overMaxText', { ...check, unit })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={onCancel}>
                {t('entry.back')}
              </Button>
              <Button data-autofocus onClick={() => onConfirm({ confirmOverMax: true })}>
                {t('entry.accept')}
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Text>{t('entry.belowText', check)}</Text>
            {retyping ? (
              <Retype error={error} onSubmit={(retypedValue) => onConfirm({ retypedValue })} onCancel={onCancel} />
            ) : (
              <>
                <FocusNow />
                <Stack gap="xs">
                  <Button data-autofocus onClick={() => onConfirm({ confirmRollover: true })}>
                    {t('entry.rollover', { consumption: check.rolloverConsumption, unit })}
                  </Button>
                  <Button variant="default" onClick={() => setRetyping(true)}>
                    {t('entry.retype')}
                  </Button>
                  <Button variant="subtle" onClick={onCancel}>
                    {t('entry.back')}
                  </Button>
                </Stack>
              </>
            )}
          </>
        )}
      </Stack>
    </Modal>
  );
}

function Retype({ error, onSubmit, onCancel }: { error: ApiError | null; onSubmit: (value: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(value);
  };
  return (
    <form onSubmit={submit} noValidate>
      <FocusNow />
      <Stack gap="xs">
        {error && (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        )}
        <TextField
          label={t('entry.retypeLabel')}
          description={t('entry.retypeHint')}
          value={value}
          onValue={setValue}
          inputMode="numeric"
          autoComplete="off"
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('entry.back')}
          </Button>
          <Button type="submit">{t('entry.confirmRetype')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
