import { Alert, Button, Group, Kbd, Modal, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { EntryCheck } from '../../../shared/contract/entry';
import type { ApiError } from '../../api/client';
import { FocusNow } from '../../components/FocusNow';
import { TextField } from '../../components/fields';
import { useI18n } from '../../i18n/i18n';
import { acceptKey, retypeKey } from './key-owner';

export type Confirmation = { confirmOverMax: true } | { confirmRollover: true; confirmOverMax: boolean } | { retypedValue: string };

/** Keys typed on without looking while the question was open: dropped, and said so. */
export interface Halt {
  afterSeq: number;
  readings: number;
  resumeSeq: number;
}

interface Props {
  check: EntryCheck;
  unit: string;
  error: ApiError | null;
  retyping: boolean;
  halt: Halt | null;
  onAccept: () => void;
  onRetype: () => void;
  onRetyped: (value: string) => void;
  onCancel: () => void;
}

/**
 * The questions a reading may raise. Keys are routed to it by the entry screen (key-owner.ts):
 * only its own keys — F2 to accept, F4 to type the value again, Esc to go back — answer it;
 * the buttons say which. Enter and digits, the rhythm of the loop, never accept a value.
 */
export function PlausibilityDialog({ check, unit, error, retyping, halt, onAccept, onRetype, onRetyped, onCancel }: Props) {
  const { t, number } = useI18n();
  const title = check.kind === 'overMax' ? t('entry.overMaxTitle') : t('entry.belowTitle');
  const rollover = check.kind === 'belowPrevious' ? check.rollover : null;
  const amount = (n: number) => `${number(n)} ${unit}`;
  return (
    <Modal opened onClose={onCancel} title={title} returnFocus={false} closeOnEscape={false}>
      <Stack gap="sm" data-testid="plausibility">
        {halt && (
          <Alert color="red" data-testid="plausibility-halt">
            {t('entry.halt', { ...halt })}
          </Alert>
        )}
        {check.kind === 'overMax' ? (
          <Text>
            {t('entry.overMaxText', { consumption: amount(check.consumption), allowed: amount(check.allowed), days: check.days })}
          </Text>
        ) : (
          <>
            <Text>{t('entry.belowText', { value: check.value, previous: check.previous })}</Text>
            {rollover && (
              <Text>
                {t(rollover.overMax ? 'entry.rolloverOverMax' : 'entry.rolloverText', {
                  consumption: amount(rollover.consumption),
                  allowed: amount(rollover.allowed),
                  days: rollover.days,
                })}
              </Text>
            )}
          </>
        )}
        {retyping ? (
          <Retype error={error} onSubmit={onRetyped} />
        ) : (
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onCancel}>
              {t('entry.back')} <Kbd ml="xs">Esc</Kbd>
            </Button>
            {check.kind === 'belowPrevious' && rollover && (
              <Button variant="default" onClick={onRetype}>
                {t('entry.retype')} <Kbd ml="xs">{retypeKey}</Kbd>
              </Button>
            )}
            <Button onClick={onAccept} data-testid="plausibility-accept">
              {check.kind === 'overMax' ? t('entry.accept') : rollover ? t('entry.acceptRollover') : t('entry.retype')}
              <Kbd ml="xs">{acceptKey}</Kbd>
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}

function Retype({ error, onSubmit }: { error: ApiError | null; onSubmit: (value: string) => void }) {
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
          <Button type="submit">{t('entry.confirmRetype')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
