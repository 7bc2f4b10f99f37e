import { Alert, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import type { FieldTask } from '../../shared/contract/field';
import { formatDate, formatLocalDateTime } from '../../shared/i18n/format';
import { phoneToday } from '../lib/dates';
import { currentResult } from '../lib/entries';
import type { LocalResult } from '../lib/store';
import { words } from '../words';
import { PositionCard } from './PositionCard';
import { StatusLine } from './StatusLine';
import type { Phone } from './usePhone';

interface Props {
  phone: Phone;
  notice: string | null;
  /** The position the controller came back from: the list returns to it, not to its top. */
  lastOpened: number | null;
  onOpen: (positionId: number) => void;
}

/** Who is signed in, what waits to be sent, and the controller's tasks in walk order, today's first. */
export function PlanScreen({ phone, notice, lastOpened, onOpen }: Props) {
  const { state, counts } = phone;
  const plan = state.plan?.plan ?? null;
  const reasons = useMemo(() => new Map(plan?.reasons.map((r) => [r.code, r.name])), [plan]);
  const reasonName = (code: number) => reasons.get(code) ?? String(code);

  useEffect(() => {
    if (lastOpened === null) return;
    const card = document.querySelector<HTMLElement>(`[data-position-id="${lastOpened}"]`);
    card?.scrollIntoView({ block: 'center' });
    card?.focus({ preventScroll: true });
  }, [lastOpened]);

  const signOut = () => {
    if (window.confirm(words.signOutConfirm(counts.unsent))) void phone.signOut();
  };

  return (
    <Container size="sm" px="sm" py="sm">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="center">
          <div>
            <Text size="sm" c="dimmed">
              {words.signedInAs}
            </Text>
            <Text fw={700} data-testid="signed-in-user">
              {state.session?.user.fullName} ({state.session?.user.login})
            </Text>
          </div>
          <Button variant="subtle" onClick={signOut}>
            {words.signOut}
          </Button>
        </Group>
        <StatusLine phone={phone} />
        <Stack gap="xs">
          <Button fullWidth onClick={() => void phone.send()}>
            {words.send}
          </Button>
          <Button fullWidth variant="default" onClick={() => void phone.loadPlan()}>
            {words.loadPlan}
          </Button>
        </Stack>
        {notice && (
          <Alert color="green" p="xs">
            {notice}
          </Alert>
        )}
        {state.persisted === false && (
          <Text size="xs" c="dimmed">
            {words.storageNotPersistent}
          </Text>
        )}
        {!plan ? (
          <Text>{words.noPlan}</Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {words.planOf(formatLocalDateTime(state.plan!.loadedAt, 'uk'))}
            </Text>
            {plan.tasks.length === 0 && <Text>{words.noTasks}</Text>}
            {plan.tasks.map((task) => (
              <TaskSection key={task.taskId} task={task} results={state.results} reasonName={reasonName} onOpen={onOpen} />
            ))}
          </>
        )}
      </Stack>
    </Container>
  );
}

function TaskSection({
  task,
  results,
  reasonName,
  onOpen,
}: {
  task: FieldTask;
  results: LocalResult[];
  reasonName: (code: number) => string;
  onOpen: (positionId: number) => void;
}) {
  const current = task.positions.map((position) => ({ position, result: currentResult(results, position.positionId) }));
  const done = current.filter((c) => c.result !== null).length;
  const date = formatDate(task.taskDate, 'uk');
  return (
    <Stack gap="xs" component="section" aria-label={words.taskTitle(date, task.routeNumber, task.routeName)}>
      <div>
        <Title order={2} size="h4">
          {words.taskTitle(task.taskDate === phoneToday() ? `${words.today}, ${date}` : date, task.routeNumber, task.routeName)}
        </Title>
        <Text size="sm" c="dimmed">
          {words.positionsDone(done, task.positions.length)}
        </Text>
      </div>
      {current.map(({ position, result }) => (
        <PositionCard
          key={position.positionId}
          position={position}
          result={result}
          reasonName={reasonName}
          onOpen={() => onOpen(position.positionId)}
        />
      ))}
    </Stack>
  );
}
