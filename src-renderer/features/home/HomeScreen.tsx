import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useRead } from '../../api/use-read';
import { useRouter, type Screen as ScreenName } from '../../app/router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/i18n';

/** The first screen: what is in the database and the ways into the daily work. */
export function HomeScreen() {
  const { t, number } = useI18n();
  const { go } = useRouter();
  const { data, error } = useRead('meta.info', {});
  const backups = useRead('backups.status', {});
  const integrity = backups.data?.integrity;
  const links: [string, ScreenName][] = [
    [t('menu.routes'), { name: 'routes' }],
    [t('menu.assignByStreet'), { name: 'assignByStreet' }],
    [t('menu.accounts'), { name: 'accounts' }],
    [t('menu.employees'), { name: 'employees' }],
  ];
  return (
    <Stack p="xl" gap="md" maw={900}>
      <Title order={1} size="h2">
        {t('home.welcome')}
      </Title>
      <ErrorAlert error={error} />
      {integrity !== undefined && integrity !== 'ok' && integrity !== 'checking' && (
        <Alert color="red" role="alert" data-testid="damaged">
          <Anchor onClick={() => go({ name: 'backups' })}>{t('home.damaged')}</Anchor>
        </Alert>
      )}
      {data && (
        <Text data-testid="home-counts">
          {data.branchName} ·{' '}
          {t('home.counts', {
            accounts: number(data.counts.accounts),
            points: number(data.counts.points),
            routes: number(data.counts.routes),
          })}
        </Text>
      )}
      {data?.counts.accounts === 0 && (
        <Alert color="blue" data-testid="home-empty">
          {t('home.empty')}{' '}
          <Anchor component="button" type="button" onClick={() => go({ name: 'import' })}>
            {t('home.emptyImport')}
          </Anchor>
        </Alert>
      )}
      <Text c="dimmed">{t('home.start')}</Text>
      <Group gap="sm">
        {links.map(([label, screen], index) => (
          <Button key={label} variant={index === 0 ? 'filled' : 'default'} onClick={() => go(screen)} autoFocus={index === 0}>
            {label}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
