import { createHash, randomBytes, randomInt } from 'node:crypto';
import { fieldPairingMinutes, type FieldPaired } from '../../../shared/contract/field';
import type { Db } from '../../db/open';
import { auditTrail } from '../audit/trail';
import { verifyPassword } from '../auth/passwords';
import { DomainError } from '../errors';
import type { FieldSessionRow } from '../../../shared/contract/field-service';
import type { FieldCaller } from './service';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Pairing a phone and the sessions it gets (docs/domain.md, "The controller's phone"). A code
 * alone pairs nothing: the controller also signs in as their own user, so a code seen over a
 * shoulder is worth nothing without the password. Only hashes of codes and tokens are kept.
 */
export function fieldPairing(db: Db, now: () => number) {
  const audit = auditTrail(db);
  const iso = () => new Date(now()).toISOString();
  const insertCode = db.prepare('INSERT INTO field_pairings (code_hash, created_by, created_at, expires_at) VALUES (?, ?, ?, ?)');
  const openCode = db.prepare<[string, string], { id: number }>(
    'SELECT id FROM field_pairings WHERE code_hash = ? AND used_at IS NULL AND expires_at > ? ORDER BY id DESC LIMIT 1',
  );
  const useCode = db.prepare('UPDATE field_pairings SET used_at = ?, session_id = ? WHERE id = ?');
  const controller = db.prepare<[string], { id: number; login: string; fullName: string; passwordHash: string; employeeId: number }>(
    `SELECT u.id, u.login, u.full_name AS fullName, u.password_hash AS passwordHash, u.employee_id AS employeeId
     FROM users u JOIN employees e ON e.id = u.employee_id
     WHERE u.login = ? AND u.role = 'controller' AND u.active = 1 AND e.active = 1`,
  );
  const insertSession = db.prepare('INSERT INTO field_sessions (token_hash, user_id, device, created_at) VALUES (?, ?, ?, ?)');
  const byToken = db.prepare<[string], FieldCaller>(
    `SELECT s.id AS sessionId, u.id AS userId, u.login, u.full_name AS fullName, u.employee_id AS employeeId
     FROM field_sessions s JOIN users u ON u.id = s.user_id JOIN employees e ON e.id = u.employee_id
     WHERE s.token_hash = ? AND s.revoked_at IS NULL AND u.active = 1 AND u.role = 'controller' AND e.active = 1`,
  );
  const touch = db.prepare('UPDATE field_sessions SET last_seen_at = ? WHERE id = ?');
  const list = db.prepare<[], FieldSessionRow>(
    `SELECT s.id, u.login, u.full_name AS fullName, s.device, s.created_at AS createdAt, s.last_seen_at AS lastSeenAt,
       s.revoked_at AS revokedAt
     FROM field_sessions s JOIN users u ON u.id = s.user_id ORDER BY s.revoked_at IS NOT NULL, s.id DESC`,
  );
  const session = db.prepare<[number], FieldSessionRow>(
    `SELECT s.id, u.login, u.full_name AS fullName, s.device, s.created_at AS createdAt, s.last_seen_at AS lastSeenAt,
       s.revoked_at AS revokedAt FROM field_sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`,
  );
  const revoke = db.prepare('UPDATE field_sessions SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL');

  return {
    // The administrator's two writes are audited by the host channels that call them (the code
    // itself never reaches the log); what a phone does is audited here, in the controller's name.
    createPairing(byLogin: string): { code: string; expiresAt: string } {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const expiresAt = new Date(now() + fieldPairingMinutes * 60_000).toISOString();
      insertCode.run(sha256(code), byLogin, iso(), expiresAt);
      return { code, expiresAt };
    },

    /** The code must be open and the user an active controller with that password; the code is then used up. */
    pair(request: { code: string; login: string; password: string; device: string }): FieldPaired {
      const user = controller.get(request.login.trim());
      // One answer for an unknown login, a wrong password and a user who is no controller.
      if (!user || !verifyPassword(request.password, user.passwordHash)) throw new DomainError('field.badCredentials');
      const pairing = openCode.get(sha256(request.code), iso());
      if (!pairing) throw new DomainError('field.pairingCodeInvalid', { minutes: fieldPairingMinutes });
      const token = randomBytes(32).toString('base64url');
      const sessionId = Number(insertSession.run(sha256(token), user.id, request.device, iso()).lastInsertRowid);
      useCode.run(iso(), sessionId, pairing.id);
      audit({
        login: user.login,
        channel: 'field.pair',
        action: 'create',
        entity: 'fieldSession',
        entityId: sessionId,
        oldValue: null,
        newValue: { device: request.device, pairing: pairing.id },
      });
      return { token, user: { login: user.login, fullName: user.fullName } };
    },

    authenticate(token: string): FieldCaller | null {
      if (token.length < 20 || token.length > 100) return null;
      const caller = byToken.get(sha256(token));
      if (caller) touch.run(iso(), caller.sessionId);
      return caller ?? null;
    },

    sessions: (): FieldSessionRow[] => list.all(),

    /** The phone's own «Вийти», in the controller's name: the session is refused from the next request. */
    signOut(caller: FieldCaller): { sessionId: number } {
      revoke.run(iso(), caller.login, caller.sessionId);
      audit({
        login: caller.login,
        channel: 'field.signOut',
        action: 'change',
        entity: 'fieldSession',
        entityId: caller.sessionId,
        oldValue: { revoked: false },
        newValue: { revoked: true },
      });
      return { sessionId: caller.sessionId };
    },

    revoke(sessionId: number, byLogin: string): void {
      const before = session.get(sessionId);
      if (!before) throw new DomainError('notFound.fieldSession');
      if (before.revokedAt !== null) return;
      revoke.run(iso(), byLogin, sessionId);
    },
  };
}
