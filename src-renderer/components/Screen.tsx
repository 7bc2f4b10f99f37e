import { Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The frame every screen shares: its UENS path as the heading, actions on the right. */
export function Screen({ title, actions, children }: { title: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <Stack gap="sm" p="md">
      <Group justify="space-between" align="center">
        <Title order={2} size="h3">
          {title}
        </Title>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {children}
    </Stack>
  );
}
