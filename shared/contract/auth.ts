import { z } from 'zod';
import { read, write, type Page } from './define';
import { id, paging, requiredText, text } from './common';

/** A controller works on their phone only (the field service); the others at the workstation. */
export const roles = ['controller', 'operator', 'master', 'admin'] as const;
export type Role = (typeof roles)[number];

export interface SignedIn {
  login: string;
  fullName: string;
  role: Role;
}

export interface AuthStatus {
  needsSetup: boolean;
  user: SignedIn | null;
  locked: boolean;
  idleLockMinutes: number;
  /** Set when the database cannot be opened: the workstation offers only a restore. */
  damaged?: string;
  /** Set when an upgrade of the database failed: it is unchanged, and the words say which migration and where the copy is. */
  upgradeFailed?: string;
}

export interface UserRow {
  id: number;
  login: string;
  fullName: string;
  role: Role;
  active: boolean;
  /** The employee a controller's user stands for; null for the other roles. */
  employeeId: number | null;
  employeeName: string | null;
}

export interface AuditRow {
  id: number;
  at: string;
  login: string;
  /** The request that made the change, as the contract names it. */
  channel: string;
  action: 'create' | 'change' | 'delete';
  entity: string;
  entityId: number | null;
  oldValue: string | null;
  newValue: string | null;
}

const login = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[\p{L}\p{N}._-]+$/u);
const password = z.string().min(8).max(200);

export const authChannels = {
  'auth.status': read<AuthStatus>()(z.object({})),
  /** First start: the administrator and the branch's name, before anything else can be done. */
  'auth.setup': write<SignedIn>()(z.object({ login, fullName: requiredText(150), password, branchName: requiredText(100) })),
  'auth.login': write<SignedIn>()(z.object({ login: z.string().max(40), password: z.string().max(200) })),
  'auth.logout': write<{ ok: true }>()(z.object({})),
  'auth.unlock': write<SignedIn>()(z.object({ password: z.string().max(200) })),
  'users.list': read<UserRow[]>()(z.object({})),
  'users.save': write<UserRow>()(
    z.object({
      id: id.optional(),
      login,
      fullName: requiredText(150),
      role: z.enum(roles),
      active: z.boolean().default(true),
      password: password.optional(),
      /** Required for a controller, refused for the other roles. */
      employeeId: id.nullable().default(null),
    }),
  ),
  'audit.list': read<Page<AuditRow>>()(
    z.object({
      login: text(40).default(''),
      entity: text(40).default(''),
      dateFrom: z.string().max(10).default(''),
      dateTo: z.string().max(10).default(''),
      ...paging,
    }),
  ),
};
