import { lazy, type ComponentType } from 'react';

/**
 * Every screen is its own chunk: the sign-in form, the first thing drawn, waits only for the shell
 * (Mantine, the contract, the i18n), not for all thirty-odd screens with their charts and QR codes.
 * Once someone has signed in the rest are fetched while the workstation idles, so a screen opened
 * from the menu is there at once and no key typed into it is lost to its loading.
 */
const loaders: (() => Promise<unknown>)[] = [];

function screen<P extends object>(load: () => Promise<ComponentType<P>>) {
  loaders.push(load);
  return lazy(async () => ({ default: await load() }));
}

/** Fetches every screen's chunk, one after another, so the operator's first keys are not slowed. */
export async function prefetchScreens(): Promise<void> {
  for (const load of loaders) await load();
}

export const AccountsScreen = screen(() => import('../features/accounts/AccountsScreen').then((m) => m.AccountsScreen));
export const AddressesScreen = screen(() => import('../features/directories/AddressesScreen').then((m) => m.AddressesScreen));
export const AssignByCriterionScreen = screen(() =>
  import('../features/assignment/AssignByCriterionScreen').then((m) => m.AssignByCriterionScreen),
);
export const AssignByStreetScreen = screen(() => import('../features/assignment/AssignByStreetScreen').then((m) => m.AssignByStreetScreen));
export const AuditScreen = screen(() => import('../features/admin/AuditScreen').then((m) => m.AuditScreen));
export const BackupsScreen = screen(() => import('../features/backups/BackupsScreen').then((m) => m.BackupsScreen));
export const CheckQueueScreen = screen(() => import('../features/validation/CheckQueueScreen').then((m) => m.CheckQueueScreen));
export const EmployeesScreen = screen(() => import('../features/directories/EmployeesScreen').then((m) => m.EmployeesScreen));
export const EntryScreen = screen(() => import('../features/entry/EntryScreen').then((m) => m.EntryScreen));
export const ExportScreen = screen(() => import('../features/exchange/ExportScreen').then((m) => m.ExportScreen));
export const FieldScreen = screen(() => import('../features/field/FieldScreen').then((m) => m.FieldScreen));
export const FirstDataStep = screen(() => import('../features/home/FirstDataStep').then((m) => m.FirstDataStep));
export const HomeScreen = screen(() => import('../features/home/HomeScreen').then((m) => m.HomeScreen));
export const ImportScreen = screen(() => import('../features/exchange/ImportScreen').then((m) => m.ImportScreen));
export const MoratoriaScreen = screen(() => import('../features/admin/MoratoriaScreen').then((m) => m.MoratoriaScreen));
export const NoticesScreen = screen(() => import('../features/warnings/NoticesScreen').then((m) => m.NoticesScreen));
export const OrderFormScreen = screen(() => import('../features/orders/OrderFormScreen').then((m) => m.OrderFormScreen));
export const OrderScreen = screen(() => import('../features/orders/OrderScreen').then((m) => m.OrderScreen));
export const OrdersScreen = screen(() => import('../features/orders/OrdersScreen').then((m) => m.OrdersScreen));
export const PlanSheetsScreen = screen(() => import('../features/plans/PlanSheetsScreen').then((m) => m.PlanSheetsScreen));
export const PlansScreen = screen(() => import('../features/plans/PlansScreen').then((m) => m.PlansScreen));
export const ProfileScreen = screen(() => import('../features/admin/ProfileScreen').then((m) => m.ProfileScreen));
export const ReconnectionsScreen = screen(() => import('../features/orders/ReconnectionsScreen').then((m) => m.ReconnectionsScreen));
export const RegistersScreen = screen(() => import('../features/registers/RegistersScreen').then((m) => m.RegistersScreen));
export const RouteScreen = screen(() => import('../features/routes/RouteScreen').then((m) => m.RouteScreen));
export const RoutesScreen = screen(() => import('../features/routes/RoutesScreen').then((m) => m.RoutesScreen));
export const SectionsScreen = screen(() => import('../features/directories/SectionsScreen').then((m) => m.SectionsScreen));
export const SettingsScreen = screen(() => import('../features/admin/SettingsScreen').then((m) => m.SettingsScreen));
export const SheetScreen = screen(() => import('../features/tasks/SheetScreen').then((m) => m.SheetScreen));
export const TaskFormScreen = screen(() => import('../features/tasks/TaskFormScreen').then((m) => m.TaskFormScreen));
export const TasksScreen = screen(() => import('../features/tasks/TasksScreen').then((m) => m.TasksScreen));
export const UsersScreen = screen(() => import('../features/admin/UsersScreen').then((m) => m.UsersScreen));
export const WarningsScreen = screen(() => import('../features/warnings/WarningsScreen').then((m) => m.WarningsScreen));
