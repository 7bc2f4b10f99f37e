import { AppShell, Button, Group, MantineProvider, Text } from '@mantine/core';
import { skipToken } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useState } from 'react';
import { ApiProvider } from '../api/context';
import { useRead } from '../api/use-read';
import { AccountCardProvider } from '../features/accounts/AccountCardProvider';
import { I18nProvider, useI18n } from '../i18n/i18n';
import { AuthGate, useAuth } from './AuthGate';
import { MainMenu } from './MainMenu';
import { RouterProvider, useRouter } from './router';
import { ScreenBoundary } from './ScreenBoundary';
import { StatusProvider, useStatus } from './status';
import { theme } from './theme';

// Every screen is its own chunk, fetched when first shown: the sign-in form, the first thing drawn,
// waits only for the shell (Mantine, the contract, the i18n), not for all thirty-odd screens with
// their charts and QR codes.
const AccountsScreen = lazy(() => import('../features/accounts/AccountsScreen').then((m) => ({ default: m.AccountsScreen })));
const AssignByCriterionScreen = lazy(() =>
  import('../features/assignment/AssignByCriterionScreen').then((m) => ({ default: m.AssignByCriterionScreen })),
);
const AssignByStreetScreen = lazy(() =>
  import('../features/assignment/AssignByStreetScreen').then((m) => ({ default: m.AssignByStreetScreen })),
);
const AddressesScreen = lazy(() => import('../features/directories/AddressesScreen').then((m) => ({ default: m.AddressesScreen })));
const EmployeesScreen = lazy(() => import('../features/directories/EmployeesScreen').then((m) => ({ default: m.EmployeesScreen })));
const SectionsScreen = lazy(() => import('../features/directories/SectionsScreen').then((m) => ({ default: m.SectionsScreen })));
const AuditScreen = lazy(() => import('../features/admin/AuditScreen').then((m) => ({ default: m.AuditScreen })));
const MoratoriaScreen = lazy(() => import('../features/admin/MoratoriaScreen').then((m) => ({ default: m.MoratoriaScreen })));
const ProfileScreen = lazy(() => import('../features/admin/ProfileScreen').then((m) => ({ default: m.ProfileScreen })));
const SettingsScreen = lazy(() => import('../features/admin/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
const UsersScreen = lazy(() => import('../features/admin/UsersScreen').then((m) => ({ default: m.UsersScreen })));
const BackupsScreen = lazy(() => import('../features/backups/BackupsScreen').then((m) => ({ default: m.BackupsScreen })));
const ExportScreen = lazy(() => import('../features/exchange/ExportScreen').then((m) => ({ default: m.ExportScreen })));
const FieldScreen = lazy(() => import('../features/field/FieldScreen').then((m) => ({ default: m.FieldScreen })));
const ImportScreen = lazy(() => import('../features/exchange/ImportScreen').then((m) => ({ default: m.ImportScreen })));
const EntryScreen = lazy(() => import('../features/entry/EntryScreen').then((m) => ({ default: m.EntryScreen })));
const FirstDataStep = lazy(() => import('../features/home/FirstDataStep').then((m) => ({ default: m.FirstDataStep })));
const HomeScreen = lazy(() => import('../features/home/HomeScreen').then((m) => ({ default: m.HomeScreen })));
const OrderFormScreen = lazy(() => import('../features/orders/OrderFormScreen').then((m) => ({ default: m.OrderFormScreen })));
const OrderScreen = lazy(() => import('../features/orders/OrderScreen').then((m) => ({ default: m.OrderScreen })));
const OrdersScreen = lazy(() => import('../features/orders/OrdersScreen').then((m) => ({ default: m.OrdersScreen })));
const ReconnectionsScreen = lazy(() => import('../features/orders/ReconnectionsScreen').then((m) => ({ default: m.ReconnectionsScreen })));
const RouteScreen = lazy(() => import('../features/routes/RouteScreen').then((m) => ({ default: m.RouteScreen })));
const RoutesScreen = lazy(() => import('../features/routes/RoutesScreen').then((m) => ({ default: m.RoutesScreen })));
const PlanSheetsScreen = lazy(() => import('../features/plans/PlanSheetsScreen').then((m) => ({ default: m.PlanSheetsScreen })));
const PlansScreen = lazy(() => import('../features/plans/PlansScreen').then((m) => ({ default: m.PlansScreen })));
const SheetScreen = lazy(() => import('../features/tasks/SheetScreen').then((m) => ({ default: m.SheetScreen })));
const TaskFormScreen = lazy(() => import('../features/tasks/TaskFormScreen').then((m) => ({ default: m.TaskFormScreen })));
const TasksScreen = lazy(() => import('../features/tasks/TasksScreen').then((m) => ({ default: m.TasksScreen })));
const CheckQueueScreen = lazy(() => import('../features/validation/CheckQueueScreen').then((m) => ({ default: m.CheckQueueScreen })));
const NoticesScreen = lazy(() => import('../features/warnings/NoticesScreen').then((m) => ({ default: m.NoticesScreen })));
const WarningsScreen = lazy(() => import('../features/warnings/WarningsScreen').then((m) => ({ default: m.WarningsScreen })));
const RegistersScreen = lazy(() => import('../features/registers/RegistersScreen').then((m) => ({ default: m.RegistersScreen })));

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
  if (firstStart && info.isPending) return <Text p="md">{t('app.loading')}</Text>;
  if (firstStart && info.data?.counts.accounts === 0) return <FirstDataStep onDone={endFirstStart} />;
  return <CurrentScreen />;
}

function ScreenLoading() {
  const { t } = useI18n();
  return <Text p="md">{t('app.loading')}</Text>;
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
