import type { AuthStatus } from '../../../shared/contract/auth';
import type { Envelope } from '../../../shared/contract/envelope';
import { errorMessage } from '../../../shared/i18n/errors';
import type { Locale } from '../../../shared/i18n/locales';
import { MigrationFailedError } from '../../db/migrations/index';

/** Why no database is open: a file SQLite cannot read, or an upgrade that failed and left it as it was. */
export type Trouble =
  | { kind: 'damaged'; detail: string }
  | { kind: 'upgrade'; params: { version: number; name: string; detail: string; at: number; copy: string } };

export function troubleOf(error: unknown): Trouble {
  if (error instanceof MigrationFailedError) {
    const { version, name } = error.migration;
    return { kind: 'upgrade', params: { version, name, detail: error.detail.slice(0, 300), at: error.at, copy: error.copy ?? '—' } };
  }
  return { kind: 'damaged', detail: (error instanceof Error ? error.message : String(error)).slice(0, 300) };
}

/** The words for the trouble in the user's language. */
export function troubleMessage(trouble: Trouble, locale: Locale): string {
  return trouble.kind === 'damaged'
    ? errorMessage('db.damaged', locale, { detail: trouble.detail })
    : errorMessage('db.upgradeFailed', locale, trouble.params);
}

/** A damaged file can be replaced by a backup; a failed upgrade cannot be mended by one (the copy is the same data). */
const restoreChannels = new Set(['backups.status', 'backups.inspect', 'backups.restore']);

/**
 * What a workstation without a database answers: its state to the sign-in screen, the restore
 * channels while the file is damaged, the screen's error reports; everything else is refused
 * with the reason. Null lets a host channel go ahead.
 */
export function answerInRecovery(trouble: Trouble | null, channel: string, locale: Locale): Envelope<unknown> | null {
  if (channel === 'log.rendererError') return null;
  if (!trouble) return { ok: false, error: { code: 'internal', message: errorMessage('internal', locale, { detail: 'no database' }) } };
  if (channel === 'auth.status') {
    const status: AuthStatus = {
      needsSetup: false,
      user: null,
      locked: false,
      idleLockMinutes: 0,
      ...(trouble.kind === 'damaged' ? { damaged: trouble.detail } : { upgradeFailed: troubleMessage(trouble, locale) }),
    };
    return { ok: true, value: status };
  }
  if (trouble.kind === 'damaged' && restoreChannels.has(channel)) return null;
  const code = trouble.kind === 'damaged' ? 'db.damaged' : 'db.upgradeFailed';
  return { ok: false, error: { code, message: troubleMessage(trouble, locale) } };
}
