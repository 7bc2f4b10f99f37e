import { Alert, Group, Loader, Text } from '@mantine/core';
import { words } from '../words';
import type { Phone } from './usePhone';

/**
 * What is still on the phone and what went, read aloud by a screen reader as it changes
 * (role="status"); the last failure below it in the workstation's own words.
 */
export function StatusLine({ phone }: { phone: Phone }) {
  const { state, counts } = phone;
  const parts = [words.unsent(counts.unsent), words.sent(counts.sent)];
  if (counts.refused > 0) parts.push(words.refused(counts.refused));
  if (counts.photosWaiting > 0) parts.push(words.photosWaiting(counts.photosWaiting));
  if (!state.online) parts.push(words.offline);
  return (
    <>
      <Group gap="xs" wrap="nowrap">
        <Text role="status" fw={600} data-testid="outbox-status" data-unsent={counts.unsent} data-sent={counts.sent}>
          {parts.join(' · ')}
        </Text>
        {(state.sending || state.loadingPlan) && <Loader size="xs" aria-label={state.sending ? words.sending : words.planLoading} />}
      </Group>
      {state.lastError && (
        <Alert color="red" role="alert" title={words.lastError} p="xs">
          {state.lastError}
        </Alert>
      )}
    </>
  );
}
