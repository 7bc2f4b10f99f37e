import { Button, Group, List, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import type { ExistingTask, RouteToForm } from '../../../shared/contract/tasks';
import { formatDate } from '../../../shared/i18n/format';
import { FocusNow } from '../../components/FocusNow';
import { useI18n } from '../../i18n/i18n';

/** What the core refused or the route list showed: one route's tasks on the date, or every route that has one. */
export type RepeatQuestion =
  { kind: 'one'; routeId: number; message: string; existing: ExistingTask[] } | { kind: 'many'; taskDate: string; routes: RouteToForm[] };

/** 'others' forms only the routes without a task on the date; 'all' forms a repeat for the rest too. */
export type RepeatAnswer = 'cancel' | 'others' | 'all';

interface Props {
  question: RepeatQuestion | null;
  onAnswer: (answer: RepeatAnswer) => void;
}

/**
 * Asks before a second task for a route and date. The safe answer has the focus, so an Enter
 * pressed out of habit forms no repeat; Esc forms nothing at all; Tab reaches "Так".
 */
export function RepeatTaskDialog({ question, onAnswer }: Props) {
  const { t, locale } = useI18n();
  const repeats = question?.kind === 'many' ? question.routes.filter((r) => r.tasksOnDate > 0) : [];
  const others = question?.kind === 'many' ? question.routes.length - repeats.length : 0;
  return (
    <Modal opened={question !== null} onClose={() => onAnswer('cancel')} title={t('tasks.repeatTitle')} returnFocus={false} size="lg">
      {question && (
        <Stack gap="sm" data-testid="repeat-question">
          <FocusNow />
          {question.kind === 'one' ? (
            <>
              <Text>{question.message}</Text>
              <List size="sm">
                {question.existing.map((task) => (
                  <List.Item key={task.id}>
                    {t('tasks.repeatExisting', { number: task.routeNumber, name: task.routeName, positions: task.positions })}
                  </List.Item>
                ))}
              </List>
            </>
          ) : (
            <>
              <Text>{t('tasks.repeatMany', { date: formatDate(question.taskDate, locale), count: repeats.length })}</Text>
              <ScrollArea.Autosize mah={240}>
                <List size="sm">
                  {repeats.map((route) => (
                    <List.Item key={route.routeId}>
                      {t('tasks.repeatManyRow', { number: route.number, name: route.name, tasks: route.tasksOnDate })}
                    </List.Item>
                  ))}
                </List>
              </ScrollArea.Autosize>
              <Text>{t('tasks.repeatManyQuestion')}</Text>
            </>
          )}
          <Group justify="flex-end" gap="xs">
            {question.kind === 'one' ? (
              <Button variant="default" onClick={() => onAnswer('cancel')} data-autofocus>
                {t('common.no')}
              </Button>
            ) : (
              <>
                <Button variant="default" onClick={() => onAnswer('cancel')} data-autofocus={others === 0 ? true : undefined}>
                  {t('common.cancel')}
                </Button>
                {others > 0 && (
                  <Button variant="default" onClick={() => onAnswer('others')} data-autofocus>
                    {t('tasks.repeatOthers', { count: others })}
                  </Button>
                )}
              </>
            )}
            <Button onClick={() => onAnswer('all')}>{question.kind === 'one' ? t('tasks.repeatYes') : t('tasks.repeatAll')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
