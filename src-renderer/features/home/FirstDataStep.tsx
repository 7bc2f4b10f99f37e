import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useApi } from '../../api/context';
import { useRouter } from '../../app/router';
import { useStatus } from '../../app/status';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/use-action';
import { useI18n } from '../../i18n/i18n';

/** Up and Down move between the choices as Tab does; Enter takes the one in focus. */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
  if (!step) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  event.preventDefault();
  buttons[(at + step + buttons.length) % buttons.length]?.focus();
}

/**
 * Перший запуск: дані. Right after set-up, with no accounts yet, the administrator says where the
 * data comes from. The demo district is loaded only when chosen here, never by itself.
 */
export function FirstDataStep({ onDone }: { onDone: () => void }) {
  const { t, number } = useI18n();
  const api = useApi();
  const { go } = useRouter();
  const status = useStatus();
  const { run, busy, error } = useAction();
  const leave = (screen: 'home' | 'import') => {
    onDone();
    go({ name: screen });
  };
  const loadDemo = () =>
    run(async () => {
      const loaded = await api.call('demo.load', {});
      status.show(
        t('firstData.demoLoaded', { accounts: number(loaded.accounts), points: number(loaded.points), routes: number(loaded.routes) }),
      );
      leave('home');
    });
  const choices = [
    { label: t('firstData.import'), hint: t('firstData.importHint'), onClick: () => leave('import') },
    { label: t('firstData.demo'), hint: t('firstData.demoHint'), onClick: () => void loadDemo(), loading: busy },
    { label: t('firstData.later'), hint: t('firstData.laterHint'), onClick: () => leave('home') },
  ];
  return (
    <Stack p="xl" gap="md" maw={720} data-testid="first-data">
      <Title order={1} size="h2" id="first-data-title">
        {t('firstData.title')}
      </Title>
      <Text c="dimmed">{t('firstData.intro')}</Text>
      <ErrorAlert error={error} />
      <Stack gap="sm" role="group" aria-labelledby="first-data-title" onKeyDown={moveFocus}>
        {choices.map((choice, index) => (
          <Paper key={choice.label} withBorder p="sm">
            <Stack gap={4} align="flex-start">
              <Button
                variant={index === 0 ? 'filled' : 'default'}
                onClick={choice.onClick}
                loading={choice.loading}
                disabled={busy && !choice.loading}
                autoFocus={index === 0}
              >
                {choice.label}
              </Button>
              <Text size="sm" c="dimmed">
                {choice.hint}
              </Text>
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
