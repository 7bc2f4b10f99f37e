import { Menu, Menubar } from '@mantine/core';
import { useRef } from 'react';
import { locales } from '../../shared/i18n/locales';
import { useI18n } from '../i18n/i18n';
import { access, allows, type Access } from '../../shared/contract/access';
import { useAuth } from './AuthGate';
import { useHotkeys } from './hotkeys';
import { useRouter, type Screen } from './router';

/**
 * The menu mirrors the UENS paths operators already know (Довідники / Довідники РЕМ / Маршрути …).
 * F10 puts the focus on it, as in the desktop programs it replaces; arrows and Enter do the rest.
 */
export function MainMenu() {
  const { t, locale, setLocale } = useI18n();
  const { go } = useRouter();
  const barRef = useRef<HTMLDivElement>(null);
  useHotkeys({ f10: () => barRef.current?.querySelector<HTMLElement>('button')?.focus() });

  const { user } = useAuth();
  // What the role may not do is not offered; the main process refuses it anyway.
  const item = (label: string, screen: Screen, needs: Access = 'operator') =>
    allows(user.role, needs) && (
      <Menu.Item key={label} onClick={() => go(screen)}>
        {label}
      </Menu.Item>
    );
  return (
    <Menubar ref={barRef} aria-label={t('app.title')}>
      <Menubar.Menu width={260}>
        <Menubar.Target>{t('menu.directories')}</Menubar.Target>
        <Menubar.Dropdown>
          <Menu.Label>{t('menu.directoriesRem')}</Menu.Label>
          {item(t('menu.routes'), { name: 'routes' })}
          {item(t('menu.sections'), { name: 'sections' })}
          {item(t('menu.employees'), { name: 'employees' })}
          <Menu.Divider />
          {item(t('menu.addresses'), { name: 'addresses' })}
        </Menubar.Dropdown>
      </Menubar.Menu>
      <Menubar.Menu width={300}>
        <Menubar.Target>{t('menu.subscriber')}</Menubar.Target>
        <Menubar.Dropdown>
          <Menu.Label>{t('menu.accountsGroup')}</Menu.Label>
          {item(t('menu.accounts'), { name: 'accounts' })}
          {item(t('menu.assignByStreet'), { name: 'assignByStreet' }, access['routes.assign'])}
          {item(t('menu.assignByCriterion'), { name: 'assignByCriterion' }, access['routes.assign'])}
          <Menu.Divider />
          <Menu.Label>{t('menu.tasksGroup')}</Menu.Label>
          {item(t('menu.taskForm'), { name: 'taskForm' }, access['tasks.form'])}
          {item(t('menu.plans'), { name: 'plans' }, access['plans.propose'])}
          {item(t('menu.orderForm'), { name: 'orderForm' }, access['orders.form'])}
          {item(t('menu.tasks'), { name: 'tasks' })}
          {item(t('menu.entry'), { name: 'tasks', purpose: 'entry' })}
          {item(t('menu.checks'), { name: 'checks' }, access['checks.list'])}
          {item(t('menu.warnings'), { name: 'warnings' })}
          {item(t('menu.orders'), { name: 'orders' })}
          {item(t('menu.reconnections'), { name: 'reconnections' })}
        </Menubar.Dropdown>
      </Menubar.Menu>
      <Menubar.Menu width={240}>
        <Menubar.Target>{t('menu.reports')}</Menubar.Target>
        <Menubar.Dropdown>
          <Menu.Label>{t('menu.reportsRun')}</Menu.Label>
          {item(t('menu.walkReports'), { name: 'reports' }, access['registers.table'])}
          <Menu.Label>{t('menu.reportsTasks')}</Menu.Label>
          {item(t('menu.tasks'), { name: 'tasks' })}
          {item(t('menu.export'), { name: 'export' }, access['export.readingsFile'])}
          {item(t('menu.registers'), { name: 'registers' }, access['registers.table'])}
        </Menubar.Dropdown>
      </Menubar.Menu>
      {allows(user.role, 'admin') && (
        <Menubar.Menu width={220}>
          <Menubar.Target>{t('menu.service')}</Menubar.Target>
          <Menubar.Dropdown>
            {item(t('menu.backups'), { name: 'backups' }, access['backups.status'])}
            {item(t('menu.users'), { name: 'users' }, access['users.list'])}
            {item(t('menu.audit'), { name: 'audit' }, access['audit.list'])}
            {item(t('menu.import'), { name: 'import' }, access['import.run'])}
            {item(t('menu.settings'), { name: 'settings' }, access['settings.list'])}
            {item(t('menu.moratoria'), { name: 'moratoria' }, access['moratoria.save'])}
            {item(t('menu.profile'), { name: 'profile' }, access['profile.save'])}
            {item(t('menu.field'), { name: 'field' }, access['field.status'])}
          </Menubar.Dropdown>
        </Menubar.Menu>
      )}
      <Menubar.Menu width={160}>
        <Menubar.Target>{t('app.language')}</Menubar.Target>
        <Menubar.Dropdown>
          {locales.map((code) => (
            <Menu.Item key={code} onClick={() => setLocale(code)} fw={code === locale ? 700 : undefined}>
              {code === 'uk' ? 'Українська' : 'English'}
            </Menu.Item>
          ))}
        </Menubar.Dropdown>
      </Menubar.Menu>
    </Menubar>
  );
}
