import { access, allows } from '../../../shared/contract/access';
import type { SignedIn } from '../../../shared/contract/auth';
import type { ChannelName } from '../../../shared/contract/index';
import type { ErrorCode } from '../../../shared/i18n/errors';

/**
 * The one person working at this workstation. Every request is checked against it: signed in,
 * not locked after idling, and allowed by role — whatever the screen showed or hid.
 */
export function createSession(options: { idleMinutes: () => number; now: () => number; signedIn?: SignedIn }) {
  let user: SignedIn | null = options.signedIn ?? null;
  let locked = false;
  let lastActivity = options.now();

  const idle = () => {
    const minutes = options.idleMinutes();
    return minutes > 0 && options.now() - lastActivity > minutes * 60_000;
  };

  return {
    get user() {
      return user;
    },
    get locked() {
      return locked || (user !== null && idle());
    },
    signIn(next: SignedIn) {
      user = next;
      locked = false;
      lastActivity = options.now();
    },
    signOut() {
      user = null;
      locked = false;
    },
    unlock() {
      locked = false;
      lastActivity = options.now();
    },
    authorize(channel: ChannelName): { code: ErrorCode; params?: Record<string, unknown> } | null {
      const needed = access[channel];
      if (needed === 'public') return null;
      if (!user) return { code: 'auth.required' };
      if (locked || idle()) {
        locked = true;
        return { code: 'auth.locked' };
      }
      if (!allows(user.role, needed)) return { code: 'auth.forbidden', params: { role: needed } };
      lastActivity = options.now();
      return null;
    },
  };
}

export type Session = ReturnType<typeof createSession>;
