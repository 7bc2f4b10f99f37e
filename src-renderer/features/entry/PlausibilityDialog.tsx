import { Alert, Button, Group, Kbd, Modal, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { EntryCheck } from '../../../shared/contract/entry';
import type { ReadingCheckCode } from '../../../shared/contract/validation';
import { readingCheckSentence } from '../../../shared/i18n/reading-checks';
import type { ApiError } from '../../api/client';
import { FocusNow } from '../../components/FocusNow';
import { TextField } from '../../components/fields';
import { useI18n } from '../../i18n/i18n';
import { acceptKey, retypeKey } from './key-owner';

export type Confirmation = { accepted: ReadingCheckCode[] } | { retypedValue: string };

/** A reading below the previous that is no rollover is never accepted as it stands: it is typed again. */
export const mustRetype = (check: EntryCheck) => check.checks.some((c) => c.code === 'belowPrevious');
/** A rollover may be refused for a value typed again (the meter did not wrap: a reading below the previous). */
export const mayRetype = (check: EntryCheck) => check.checks.some((c) => c.code === 'belowPrevious' || c.code === 'rollover');

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
  const { t, number, locale } = useI18n();
  const below = mustRetype(check);
  const rollover = check.checks.some((c) => c.code === 'rollover');
  return (
    <Modal
      opened
      onClose={onCancel}
      title={below ? t('entry.belowTitle') : t('entry.checkTitle')}
      returnFocus={false}
      closeOnEscape={false}
    >
      <Stack gap="sm" data-testid="plausibility">
        {halt && (
          <Alert color="red" data-testid="plausibility-halt">
            {t('entry.halt', { ...halt })}
          </Alert>
        )}
        {check.checks.map((c) => (
          <Text key={c.code} data-testid="plausibility-check" data-code={c.code}>
            {readingCheckSentence(c, locale, unit)}
          </Text>
        ))}
        {check.expected !== null && !below && (
          <Text size="sm" c="dimmed">
            {t('entry.expectedOver', { expected: `${number(check.expected)} ${unit}`, days: check.days })}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {below ? t('entry.belowText') : t('entry.queuedHint')}
        </Text>
        {retyping ? (
          <Retype error={error} onSubmit={onRetyped} />
        ) : (
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onCancel}>
              {t('entry.back')} <Kbd ml="xs">Esc</Kbd>
            </Button>
            {rollover && (
              <Button variant="default" onClick={onRetype}>
                {t('entry.retype')} <Kbd ml="xs">{retypeKey}</Kbd>
              </Button>
            )}
            <Button onClick={onAccept} data-testid="plausibility-accept">
              {below ? t('entry.retype') : rollover ? t('entry.acceptRollover') : t('entry.accept')}
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
