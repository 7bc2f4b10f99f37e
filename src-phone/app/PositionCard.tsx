import { Badge, Group, Paper, Text } from '@mantine/core';
import type { FieldPosition } from '../../shared/contract/field';
import { formatDate } from '../../shared/i18n/format';
import type { LocalResult } from '../lib/store';
import { words } from '../words';

interface Props {
  position: FieldPosition;
  result: LocalResult | null;
  reasonName: (code: number) => string;
  onOpen: () => void;
}

const line = { component: 'span', display: 'block' } as const;

/** What the controller needs before knocking, and what the phone has recorded here; the whole card opens the position. */
export function PositionCard({ position, result, reasonName, onOpen }: Props) {
  const { meter, judge } = position;
  const recorded = result?.result;
  return (
    <Paper
      component="button"
      type="button"
      withBorder
      p="md"
      onClick={onOpen}
      w="100%"
      ta="left"
      data-testid="position"
      data-position-id={position.positionId}
      data-done={recorded ? 'true' : 'false'}
      style={{
        cursor: 'pointer',
        minHeight: 48,
        borderLeftWidth: 6,
        borderLeftColor: recorded ? 'var(--mantine-color-green-6)' : undefined,
      }}
    >
      <Text {...line} fw={700} size="lg">
        {position.seq}. {position.address}
      </Text>
      <Text {...line}>
        {words.account} {position.accountNumber} · {position.consumer}
      </Text>
      {meter && (
        <Text {...line} size="sm">
          {words.meter} {meter.serial ?? '—'}
          {meter.model ? ` · ${meter.model}` : ''}
          {meter.digits !== null ? ` · ${words.digits(meter.digits)}` : ''}
        </Text>
      )}
      <Text {...line} size="sm">
        {words.previous}: {judge.previous ? `${judge.previous.value} (${formatDate(judge.previous.takenOn, 'uk')})` : words.noPrevious}
      </Text>
      {position.deliver.map((notice) => (
        <Text {...line} key={notice} size="sm" c="orange.8" fw={600}>
          {words.deliver}: {notice}
        </Text>
      ))}
      {position.notes.map((note) => (
        <Text {...line} key={note} size="sm" c="dimmed">
          {note}
        </Text>
      ))}
      {(recorded || position.entered) && (
        <Group component="span" gap={6} mt={6}>
          {position.entered && (
            <Badge component="span" tt="none" color="grape" variant="light">
              {words.enteredByOffice}
            </Badge>
          )}
          {recorded && (
            <Badge component="span" tt="none" color={recorded.value !== null ? 'green' : 'gray'} variant="light">
              {recorded.value !== null ? words.done(String(recorded.value)) : words.notDone(reasonName(recorded.reasonCode ?? 0))}
            </Badge>
          )}
          {result && result.sent?.status !== 'refused' && (
            <Badge component="span" tt="none" color={result.sent ? 'teal' : 'yellow'} variant="outline">
              {result.sent ? words.delivered : words.waiting}
            </Badge>
          )}
        </Group>
      )}
      {result?.sent?.status === 'refused' && (
        <Text {...line} size="sm" c="red.8" fw={600} data-testid="position-refused">
          {words.refusedHere}: {result.sent.error ?? ''}
        </Text>
      )}
    </Paper>
  );
}
