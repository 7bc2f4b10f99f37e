import { Alert, Button, Stack, Text } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
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
  const { screen, go } = useRouter();
  const queryClient = useQueryClient();
  // The answer the screen could not draw may sit in the cache. React has let go of the failed screen's
  // queries by the time this effect runs, so forgetting what nothing shows makes coming back ask again.
  useEffect(() => void queryClient.removeQueries({ type: 'inactive' }), [queryClient]);
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
            // Leaving the screen resets the boundary (it is keyed by the screen); resetting first would
            // draw the failed screen once more on its way out. Only a failed home screen is retried in place.
            onClick={() => (screen.name === 'home' ? resetErrorBoundary() : go({ name: 'home' }))}
          >
            {t('screenError.back')}
          </Button>
        </Stack>
      </Alert>
    </Stack>
  );
}
