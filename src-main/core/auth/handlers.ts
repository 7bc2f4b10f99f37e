import type { authChannels, AuditRow, Role, SignedIn, UserRow } from '../../../shared/contract/auth';
import type { Db } from '../../db/open';
import { DomainError, found } from '../errors';
import type { Handlers } from '../registry';
import { uniquely } from '../sqlite-errors';
import { hashPassword, verifyPassword } from './passwords';
import type { Session } from './session';

interface UserSql {
  id: number;
  login: string;
  fullName: string;
  role: Role;
  active: number;
  passwordHash: string;
  employeeId: number | null;
  employeeName: string | null;
}

const toRow = ({ passwordHash: _hash, active, ...user }: UserSql): UserRow => ({ ...user, active: active === 1 });
const signedIn = (user: UserSql): SignedIn => ({ login: user.login, fullName: user.fullName, role: user.role });

/** Запуск програми та реєстрація користувача: first-run set-up, sign-in, lock, users and the audit log. */
export function authHandlers(db: Db, session: Session, idleMinutes: () => number): Handlers<keyof typeof authChannels> {
  const select = `SELECT u.id, u.login, u.full_name AS fullName, u.role, u.active, u.password_hash AS passwordHash,
      u.employee_id AS employeeId, e.full_name AS employeeName FROM users u LEFT JOIN employees e ON e.id = u.employee_id`;
  const byLogin = db.prepare<[string], UserSql>(`${select} WHERE u.login = ?`);
  const byId = db.prepare<[number], UserSql>(`${select} WHERE u.id = ?`);
  const all = db.prepare<[], UserSql>(`${select} ORDER BY u.active DESC, u.login`);
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users');
  const setBranch = db.prepare("UPDATE settings SET value = ? WHERE key = 'branch.name'");
  const insert = db.prepare('INSERT INTO users (login, full_name, role, password_hash, active, employee_id) VALUES (?, ?, ?, ?, ?, ?)');
  const update = db.prepare('UPDATE users SET login = ?, full_name = ?, role = ?, active = ?, employee_id = ? WHERE id = ?');
  const controllerEmployee = db.prepare<[number], { active: number }>('SELECT active FROM employees WHERE id = ? AND is_controller = 1');
  const setPassword = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');
  const admins = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1");
  const auditFilter = `WHERE (@login = '' OR login = @login) AND (@entity = '' OR entity = @entity)
      AND (@dateFrom = '' OR at >= @dateFrom) AND (@dateTo = '' OR at < date(@dateTo, '+1 day'))`;
  const auditRows = db.prepare<Record<string, unknown>, AuditRow>(
    `SELECT id, at, login, channel, action, entity, entity_id AS entityId, old_value AS oldValue, new_value AS newValue
     FROM audit_log ${auditFilter} ORDER BY id DESC LIMIT @limit OFFSET @offset`,
  );
  const auditCount = db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM audit_log ${auditFilter}`);

  return {
    'auth.status': () => ({ needsSetup: count.get()!.n === 0, user: session.user, locked: session.locked, idleLockMinutes: idleMinutes() }),
    'auth.setup': {
      audit: {
        entity: 'user',
        id: ({ login }) => byLogin.get(login)?.id ?? null,
        after: ({ branchName }, user) => ({ ...user, branchName }),
      },
      run: ({ login, fullName, password, branchName }) => {
        if (count.get()!.n > 0) throw new DomainError('auth.alreadySetUp');
        const id = Number(insert.run(login, fullName, 'admin', hashPassword(password), 1, null).lastInsertRowid);
        setBranch.run(branchName);
        const user = signedIn(byId.get(id)!);
        session.signIn(user);
        return user;
      },
    },
    'auth.login': {
      audit: { entity: 'session', action: 'create', id: () => null, after: (_input, user) => ({ login: user.login, role: user.role }) },
      run: ({ login, password }) => {
        const user = byLogin.get(login.trim());
        // One answer for an unknown login and a wrong password: the screen must not confirm who exists.
        if (!user || user.active !== 1 || !verifyPassword(password, user.passwordHash))
          throw new DomainError('auth.badCredentials', {}, 'password');
        if (user.role === 'controller') throw new DomainError('auth.controllerOnPhone', {}, 'login');
        session.signIn(signedIn(user));
        return signedIn(user);
      },
    },
    'auth.logout': {
      audit: { entity: 'session', action: 'delete', before: () => session.user && { login: session.user.login }, after: () => null },
      run: () => {
        session.signOut();
        return { ok: true };
      },
    },
    'auth.unlock': {
      audit: { entity: 'session', action: 'change', id: () => null, after: () => ({ unlocked: true }) },
      run: ({ password }) => {
        const current = session.user;
        if (!current) throw new DomainError('auth.required');
        const user = byLogin.get(current.login);
        if (!user || !verifyPassword(password, user.passwordHash)) throw new DomainError('auth.badCredentials', {}, 'password');
        session.unlock();
        return current;
      },
    },
    'users.list': () => all.all().map(toRow),
    'users.save': {
      audit: {
        entity: 'user',
        before: ({ id }) => (id === undefined ? null : toRow(found(byId.get(id), 'notFound.user'))),
        // A new password is recorded as changed, never as itself.
        after: ({ id, password }, saved) => (id !== undefined && password ? { ...saved, password: '(змінено)' } : saved),
      },
      run: ({ id, login, fullName, role, active, password, employeeId }) => {
        const taken = () => new DomainError('user.loginTaken', { login }, 'login');
        // A controller's user is one controller's: their tasks are what the phone shows.
        if (role === 'controller' && (employeeId === null || !controllerEmployee.get(employeeId)))
          throw new DomainError('user.controllerEmployee', {}, 'employeeId');
        const employee = role === 'controller' ? employeeId : null;
        const employeeTaken = () => new DomainError('user.employeeTaken', {}, 'employeeId');
        if (id === undefined) {
          if (!password) throw new DomainError('user.passwordRequired', {}, 'password');
          const newId = uniquely(
            () => Number(insert.run(login, fullName, role, hashPassword(password), active ? 1 : 0, employee).lastInsertRowid),
            (error) => (String(error).includes('employee_id') ? employeeTaken() : taken()),
          );
          return toRow(byId.get(newId)!);
        }
        uniquely(
          () => update.run(login, fullName, role, active ? 1 : 0, employee, id),
          (error) => (String(error).includes('employee_id') ? employeeTaken() : taken()),
        );
        if (password) setPassword.run(hashPassword(password), id);
        // The last active administrator cannot be demoted or switched off: nobody could undo it.
        if (admins.get()!.n === 0) throw new DomainError('user.lastAdmin');
        return toRow(byId.get(id)!);
      },
    },
    'audit.list': (filter) => ({ rows: auditRows.all(filter), total: auditCount.get(filter)!.n }),
  };
}
