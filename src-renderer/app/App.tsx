import { AppShell, Button, Group, MantineProvider, Text } from '@mantine/core';
import { skipToken } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect, useState } from 'react';
import { ApiProvider } from '../api/context';
import { useRead } from '../api/use-read';
import { AccountCardProvider } from '../features/accounts/AccountCardProvider';
import { I18nProvider, useI18n } from '../i18n/i18n';
import { AuthGate, useAuth } from './AuthGate';
import { MainMenu } from './MainMenu';
import { RouterProvider, useRouter } from './router';
import {
  AccountsScreen,
  AddressesScreen,
  AssignByCriterionScreen,
  AssignByStreetScreen,
  AuditScreen,
  BackupsScreen,
  CheckQueueScreen,
  EmployeesScreen,
  EntryScreen,
  ExportScreen,
  FieldScreen,
  FirstDataStep,
  HomeScreen,
  ImportScreen,
  MoratoriaScreen,
  NoticesScreen,
  OrderFormScreen,
  OrderScreen,
  OrdersScreen,
  PlanSheetsScreen,
  PlansScreen,
  ProfileScreen,
  ReconnectionsScreen,
  RegistersScreen,
  RouteScreen,
  RoutesScreen,
  SectionsScreen,
  SettingsScreen,
  SheetScreen,
  TaskFormScreen,
  TasksScreen,
  UsersScreen,
  WarningsScreen,
  prefetchScreens,
} from './screens';
import { ScreenBoundary } from './ScreenBoundary';
import { StatusProvider, useStatus } from './status';
import { theme } from './theme';

function CurrentScreen() {
  const { screen } = useRouter();
  switch (screen.name) {
    case 'home':
      return <HomeScreen />;
    case 'routes':
      return <RoutesScreen />;
    case 'route':
      return <RouteScreen key={screen.id} id={screen.id} tab={screen.tab} />;
    case 'assignByStreet':
      return <AssignByStreetScreen routeId={screen.routeId} />;
    case 'assignByCriterion':
      return <AssignByCriterionScreen routeId={screen.routeId} />;
    case 'sections':
      return <SectionsScreen />;
    case 'employees':
      return <EmployeesScreen />;
    case 'addresses':
      return <AddressesScreen />;
    case 'accounts':
      return <AccountsScreen />;
    case 'taskForm':
      return <TaskFormScreen routeId={screen.routeId} />;
    case 'tasks':
      return <TasksScreen key={screen.purpose ?? 'tasks'} purpose={screen.purpose} />;
    case 'backups':
      return <BackupsScreen />;
    case 'field':
      return <FieldScreen />;
    case 'users':
      return <UsersScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'export':
      return <ExportScreen />;
    case 'import':
      return <ImportScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'moratoria':
      return <MoratoriaScreen />;
    case 'profile':
      return <ProfileScreen />;
    case 'warnings':
      return <WarningsScreen />;
    case 'registers':
      return <RegistersScreen key="disconnection" group="disconnection" />;
    case 'reports':
      return <RegistersScreen key="walk" group="walk" />;
    case 'orderForm':
      return <OrderFormScreen routeId={screen.routeId} />;
    case 'orders':
      return <OrdersScreen />;
    case 'order':
      return <OrderScreen key={screen.id} id={screen.id} />;
    case 'reconnections':
      return <ReconnectionsScreen />;
    case 'checks':
      return <CheckQueueScreen />;
    case 'entry':
      return <EntryScreen key={screen.taskId} taskId={screen.taskId} />;
    case 'taskSheet':
      return <SheetScreen key={screen.id} taskId={screen.id} />;
    case 'notices':
      return <NoticesScreen key={JSON.stringify(screen.of)} of={screen.of} />;
    case 'plans':
      return <PlansScreen />;
    case 'planSheets':
      return <PlanSheetsScreen key={screen.taskIds.join(',')} taskIds={screen.taskIds} />;
  }
}

/** Right after set-up an empty database asks where its data comes from; otherwise the screen the address names. */
function MainArea() {
  const { t } = useI18n();
  const { firstStart, endFirstStart } = useAuth();
  const info = useRead('meta.info', firstStart ? {} : skipToken);
  useEffect(() => {
    void prefetchScreens();
  }, []);
  if (firstStart && info.isPending) return <Text p="md">{t('app.loading')}</Text>;
  if (firstStart && info.data?.counts.accounts === 0) return <FirstDataStep onDone={endFirstStart} />;
  return <CurrentScreen />;
}

function ScreenLoading() {
  const { t } = useI18n();
  return (
    <Text p="md" data-testid="screen-loading">
      {t('app.loading')}
    </Text>
  );
}

function StatusBar() {
  const { t } = useI18n();
  const { message, tone } = useStatus();
  return (
    <Group justify="space-between" px="md" h="100%">
      <Text size="sm" c={tone === 'error' ? 'red' : undefined} role="status" aria-live="polite" data-testid="status">
        {message}
      </Text>
      <Text size="xs" c="dimmed">
        {t('app.menuHint')}
      </Text>
    </Group>
  );
}

function UserBadge() {
  const { t } = useI18n();
  const { user, signOut } = useAuth();
  return (
    <Group gap="xs" ml="auto" data-testid="user-badge">
      <Text size="sm">
        {user.fullName} · {t(`auth.role.${user.role}`)}
      </Text>
      <Button size="compact-sm" variant="subtle" tabIndex={-1} onClick={signOut}>
        {t('auth.signOut')}
      </Button>
    </Group>
  );
}

function Shell() {
  const { t, locale } = useI18n();
  const { go } = useRouter();
  const [sessionLost, setSessionLost] = useState(0);
  const onSessionLost = useCallback(() => setSessionLost((n) => n + 1), []);
  return (
    <ApiProvider locale={locale} onSessionLost={onSessionLost}>
      <AuthGate refreshSignal={sessionLost}>
        <StatusProvider>
          <AccountCardProvider>
            <AppShell header={{ height: 48 }} footer={{ height: 30 }} padding={0}>
              <AppShell.Header>
                <Group h="100%" px="md" gap="lg">
                  <Text fw={700} component="a" href="#/" onClick={(event) => (event.preventDefault(), go({ name: 'home' }))}>
                    {t('app.title')}
                  </Text>
                  <MainMenu />
                  <UserBadge />
                </Group>
              </AppShell.Header>
              <AppShell.Main>
                <ScreenBoundary>
                  <Suspense fallback={<ScreenLoading />}>
                    <MainArea />
                  </Suspense>
                </ScreenBoundary>
              </AppShell.Main>
              <AppShell.Footer>
                <StatusBar />
              </AppShell.Footer>
            </AppShell>
          </AccountCardProvider>
        </StatusProvider>
      </AuthGate>
    </ApiProvider>
  );
}

export function App() {
  return (
    <MantineProvider theme={theme}>
      <I18nProvider>
        <RouterProvider>
          <Shell />
        </RouterProvider>
      </I18nProvider>
    </MantineProvider>
  );
}
