import { dirname, join, resolve } from 'node:path';
import { fieldDefaultPort, type FieldStatus } from '../../../shared/contract/field-service';
import { errorMessage, type ErrorCode } from '../../../shared/i18n/errors';
import type { Locale } from '../../../shared/i18n/locales';
import { DomainError } from '../../core/errors';
import type { Db } from '../../db/open';
import type { FieldTls } from '../field/certificate-authority';
import { certificateNames, lanAddresses } from '../field/network-names';
import { startFieldListener, type FieldListener, type FieldListenerOptions } from '../field/listener';
import type { HostEntries } from '../host-channels';
import type { HostLog } from '../logging';
import type { Session } from './session';

type FieldEntries = Pick<HostEntries, 'field.status' | 'field.start' | 'field.stop' | 'field.pairing' | 'field.sessions' | 'field.revoke'>;

export interface FieldHostOptions {
  /** The phone app as built; by default build/phone beside the bundle (build/main). */
  phoneDir?: string;
  /** The address the listeners bind: every interface by default, 127.0.0.1 in tests. */
  host?: string;
  /** The workstation's LAN addresses; by default read from its network interfaces. */
  addresses?: () => string[];
  limits?: FieldListenerOptions['limits'];
}

interface Kept {
  enabled: boolean;
  port: number;
}

/** What 'field.enabled' and 'field.port' say in this database; the service is off until an administrator turns it on. */
function keptSettings(db: Db): Kept {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const port = Number(get.get('field.port')?.value ?? fieldDefaultPort);
  return { enabled: get.get('field.enabled')?.value === '1', port: Number.isInteger(port) ? port : fieldDefaultPort };
}

function keep(db: Db, kept: Kept) {
  const put = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  put.run('field.enabled', kept.enabled ? '1' : '0');
  put.run('field.port', String(kept.port));
}

interface Running {
  listener: FieldListener;
  tls: FieldTls;
  addresses: string[];
  /** The port asked for (0: any), which the listener's own may differ from. */
  asked: number;
}

/**
 * Сервіс → Телефони контролерів: the field listener on the branch's LAN, started and stopped by an
 * administrator and kept on across restarts ('field.enabled'), pairing codes and the phones'
 * sessions. The listener follows the database open now: after a restore, that file's settings say
 * whether it runs, and its core answers the phones.
 */
export function workstationField(session: Session, options: FieldHostOptions & { log: HostLog }) {
  const { log } = options;
  const dir = join(dirname(session.dbFile), 'field');
  // build/main/*.cjs → build/phone, the same from the Electron and the browser-mode bundle.
  const phoneDir = options.phoneDir ?? resolve(__dirname, '..', 'phone');
  const addressesNow = options.addresses ?? (() => lanAddresses());
  let running: Running | null = null;
  let problem: { code: ErrorCode; params: Record<string, unknown> } | null = null;

  // Starting and stopping take turns: a start, a restore's follow-up and a stop never overlap.
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const next = turn.then(work);
    turn = next.catch(() => undefined);
    return next;
  };

  const stop = async () => {
    const was = running;
    running = null;
    await was?.listener.close();
  };

  const start = async (port: number) => {
    await stop();
    problem = null;
    const addresses = [...addressesNow()];
    // The certificate library loads with the service, not with every start of the workstation.
    const { fieldTls } = await import('../field/certificate-authority');
    const tls = await fieldTls({ dir, names: certificateNames(addresses) });
    try {
      const listener = await startFieldListener({
        service: () => session.core()?.services.field ?? null,
        staticDir: phoneDir,
        port,
        host: options.host ?? '0.0.0.0',
        tls: { key: tls.key, cert: tls.cert, ca: tls.caPem },
        log,
        ...(options.limits ? { limits: options.limits } : {}),
      });
      running = { listener, tls, addresses, asked: port };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' || code === 'EACCES') throw new DomainError('field.portInUse', { port });
      throw error;
    }
  };

  /** Starts on `port` for the workstation's own reasons (its start, a restore, a new address): a failure is logged and shown, not thrown. */
  const startQuietly = async (port: number) => {
    try {
      await start(port);
    } catch (error) {
      problem =
        error instanceof DomainError
          ? { code: error.code, params: error.params }
          : { code: 'internal', params: { detail: error instanceof Error ? error.message : String(error) } };
      log.error(new Error(`the field service did not start: ${error instanceof Error ? error.message : String(error)}`, { cause: error }));
    }
  };

  /** Brings the listener in line with the open database's settings. */
  const follow = () =>
    inTurn(async () => {
      const db = session.core()?.db;
      const kept = db ? keptSettings(db) : { enabled: false, port: fieldDefaultPort };
      if (!kept.enabled) return stop();
      if (running && running.asked === kept.port) return;
      await startQuietly(kept.port);
    });

  /** A phone on the LAN reaches the first address; with none (no network) only this computer can. */
  const first = (addresses: string[]) => addresses[0] ?? '127.0.0.1';

  const status = (locale: Locale): FieldStatus => {
    const db = session.core()?.db;
    const kept = db ? keptSettings(db) : { enabled: false, port: fieldDefaultPort };
    const now = running;
    return {
      enabled: kept.enabled,
      running: now !== null,
      port: now?.listener.port ?? kept.port,
      caPort: now?.listener.caPort ?? null,
      addresses: now?.addresses ?? addressesNow(),
      pairUrl: now ? `https://${first(now.addresses)}:${now.listener.port}/` : null,
      caUrl: now ? `http://${first(now.addresses)}:${now.listener.caPort}/ca.pem` : null,
      caFingerprint: now?.tls.caFingerprint ?? null,
      spki: now?.tls.spki ?? null,
      problem: problem && !now ? errorMessage(problem.code, locale, problem.params) : null,
    };
  };

  /** A laptop that moved to another network has other addresses: the certificate must name the new ones. */
  const addressesChanged = () =>
    inTurn(async () => {
      if (running && addressesNow().join(',') !== running.addresses.join(',')) await startQuietly(running.asked);
    });

  const fieldAdmin = () => session.openCore().services.field;

  // Turning the service on or off is recorded as the settings it leaves: on or off, and the port.
  const serviceAudit = {
    entity: 'field.service',
    action: 'change',
    id: () => null,
    before: () => keptSettings(session.openCore().db),
    after: (_input: unknown, answer: FieldStatus) => ({ enabled: answer.enabled, port: answer.port }),
  } as const;

  const entries: FieldEntries = {
    'field.status': async (_input, { locale }) => {
      await addressesChanged();
      return status(locale);
    },
    'field.start': {
      audit: serviceAudit,
      run: async ({ port }, { locale }) => {
        const db = session.openCore().db;
        const asked = port ?? keptSettings(db).port;
        await inTurn(() => start(asked));
        return () => {
          keep(session.openCore().db, { enabled: true, port: asked });
          return status(locale);
        };
      },
    },
    'field.stop': {
      audit: serviceAudit,
      run: async (_input, { locale }) => {
        session.openCore();
        await inTurn(stop);
        return () => {
          const db = session.openCore().db;
          keep(db, { ...keptSettings(db), enabled: false });
          return status(locale);
        };
      },
    },
    'field.pairing': {
      // The code itself stays out of the log: for ten minutes it lets a phone in.
      audit: { entity: 'field.pairing', action: 'create', id: () => null, after: (_input, answer) => ({ expiresAt: answer.expiresAt }) },
      run: async (_input, { user }) => {
        await turn;
        const now = running;
        if (!now) throw new DomainError('field.notRunning');
        return () => {
          const { code, expiresAt } = fieldAdmin().createPairing(user);
          return { code, expiresAt, pairUrl: `https://${first(now.addresses)}:${now.listener.port}/#pair=${code}` };
        };
      },
    },
    'field.sessions': () => Promise.resolve(fieldAdmin().sessions()),
    'field.revoke': {
      audit: {
        entity: 'field.session',
        action: 'change',
        before: ({ id }) =>
          fieldAdmin()
            .sessions()
            .find((row) => row.id === id) ?? null,
        after: ({ id }) =>
          fieldAdmin()
            .sessions()
            .find((row) => row.id === id) ?? null,
      },
      run: ({ id }, { user }) =>
        Promise.resolve(() => {
          fieldAdmin().revoke(id, user);
          return { id };
        }),
    },
  };

  session.afterReopen(() => void follow());
  void follow();

  return {
    entries,
    /** Settles once the listener is as the open database's settings say (started, or failed and logged). */
    settled: () => turn.then(() => undefined),
    close: () => inTurn(stop),
  };
}
