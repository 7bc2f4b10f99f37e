import { Alert, Button, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { useApi } from '../api/context';
import { useI18n } from '../i18n/i18n';
import { toHash, useRouter } from './router';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A screen that fails to draw fails alone: the menu, the status line and every other screen
 * keep working, moving to another screen tries again, and the main process's log hears of it.
 */
export function ScreenBoundary({ children }: { children: ReactNode }) {
  const api = useApi();
  const { screen } = useRouter();
  const where = toHash(screen);
  const report = (error: unknown, info: { componentStack?: string | null }) => {
    const stack = [error instanceof Error ? error.stack : undefined, info.componentStack].filter(Boolean).join('\n');
    // Best effort: the log is for the administrator later, the user already sees the message.
    api
      .call('log.rendererError', {
        screen: screen.name.slice(0, 100),
        message: messageOf(error).slice(0, 2000),
        stack: stack.slice(0, 8000),
      })
      .catch(() => {});
  };
  return (
    <ErrorBoundary resetKeys={[where]} onError={report} FallbackComponent={ScreenError}>
      {children}
    </ErrorBoundary>
  );
}

function ScreenError({ error, resetErrorBoundary }: FallbackProps) {
  const { t } = useI18n();
  const { go } = useRouter();
  return (
    <Stack p="md" maw={800}>
      <Alert color="red" role="alert" title={t('screenError.title')} data-testid="screen-error">
        <Stack gap="sm" align="flex-start">
          <Text>{t('screenError.text')}</Text>
          <Text size="xs" c="dimmed">
            {messageOf(error)}
          </Text>
          <Button
            autoFocus
            onClick={() => {
              go({ name: 'home' });
              resetErrorBoundary();
            }}
          >
            {t('screenError.back')}
          </Button>
        </Stack>
      </Alert>
    </Stack>
  );
}
