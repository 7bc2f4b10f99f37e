import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FieldApiError, type FieldApi } from '../lib/api';
import { isoWithOffset } from '../lib/dates';
import { saveEntry, type Entry } from '../lib/entries';
import { createOutbox, outboxCounts } from '../lib/outbox';
import { deviceName } from '../lib/pairing';
import type { LocalPhoto, LocalResult, PhoneStore, Session, StoredPlan } from '../lib/store';
import { words } from '../words';

/** Every minute while the app is open, unsent results try to go. */
const sendEveryMs = 60_000;

export type PhotoMark = Pick<LocalPhoto, 'clientId' | 'positionId' | 'sent' | 'error'>;

export interface PhoneState {
  phase: 'loading' | 'pairing' | 'ready';
  session: Session | null;
  lastLogin: string | null;
  plan: StoredPlan | null;
  results: LocalResult[];
  photos: PhotoMark[];
  online: boolean;
  sending: boolean;
  loadingPlan: boolean;
  /** The last failure, in words; cleared by the next success of the same kind of work. */
  lastError: string | null;
  /** Why the pairing screen is showing: the session ended. */
  pairingNotice: string | null;
  /** Whether the browser promised to keep the phone's data (null: not known yet). */
  persisted: boolean | null;
}

const initial: PhoneState = {
  phase: 'loading',
  session: null,
  lastLogin: null,
  plan: null,
  results: [],
  photos: [],
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  sending: false,
  loadingPlan: false,
  lastError: null,
  pairingNotice: null,
  persisted: null,
};

/** Asked once signed in: without it the browser may clear a day's unsent results to free space. */
async function askPersistence(): Promise<boolean | null> {
  if (!navigator.storage?.persist) return null;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return null;
  }
}

const marks = (photos: LocalPhoto[]): PhotoMark[] =>
  photos.map(({ clientId, positionId, sent, error }) => ({ clientId, positionId, sent, error }));

/**
 * The phone's state and what the screens can do with it. The store is the truth: every action
 * writes it first and then reads back what the screens show.
 */
export function usePhone(store: PhoneStore, api: FieldApi) {
  const [state, setState] = useState<PhoneState>(initial);
  const outbox = useMemo(() => createOutbox(store, api), [store, api]);
  const session = useRef<Session | null>(null);
  const patch = useCallback((change: Partial<PhoneState>) => setState((s) => ({ ...s, ...change })), []);

  const reload = useCallback(async () => {
    const [results, photos] = await Promise.all([store.results(), store.photos()]);
    patch({ results, photos: marks(photos) });
  }, [store, patch]);

  /** The workstation no longer knows the token: back to pairing; results, photos and the plan stay. */
  const endSession = useCallback(
    async (notice: string | null) => {
      session.current = null;
      await store.setSession(null);
      patch({ phase: 'pairing', session: null, pairingNotice: notice, sending: false, loadingPlan: false });
    },
    [store, patch],
  );

  const failed = useCallback(
    async (caught: unknown) => {
      if (caught instanceof FieldApiError && caught.unauthorized) return endSession(words.sessionEnded);
      patch({ lastError: caught instanceof Error ? caught.message : String(caught) });
    },
    [endSession, patch],
  );

  const send = useCallback(async () => {
    if (!session.current) return;
    patch({ sending: true });
    try {
      const report = await outbox.send();
      await reload();
      if (report.unauthorized) return endSession(report.error ?? words.sessionEnded);
      patch({ lastError: report.error });
    } catch (caught) {
      await failed(caught);
    } finally {
      patch({ sending: false });
    }
  }, [outbox, reload, endSession, failed, patch]);

  const loadPlan = useCallback(async () => {
    const token = session.current?.token;
    if (!token) return;
    patch({ loadingPlan: true });
    try {
      const plan = await api.plan(token);
      const stored: StoredPlan = { plan, loadedAt: isoWithOffset(new Date()) };
      await store.setPlan(stored);
      // Delivered results of positions the plan no longer has are the office's now: the phone lets them go.
      const kept = new Set(plan.tasks.flatMap((task) => task.positions.map((p) => p.positionId)));
      const [results, photos] = await Promise.all([store.results(), store.photos()]);
      await store.forgetSent(
        results.filter((r) => r.sent && !kept.has(r.result.positionId)).map((r) => r.result.clientId),
        photos.filter((p) => p.sent && !kept.has(p.positionId)).map((p) => p.clientId),
      );
      patch({ plan: stored, lastError: null });
      await reload();
    } catch (caught) {
      await failed(caught);
    } finally {
      patch({ loadingPlan: false });
    }
  }, [api, store, reload, failed, patch]);

  /** Unsent results first, so the plan that comes back already knows of them. */
  const sync = useCallback(async () => {
    await send();
    if (session.current) await loadPlan();
  }, [send, loadPlan]);

  const pair = useCallback(
    async (code: string, login: string, password: string) => {
      const paired = await api.pair({ code, login: login.trim(), password, device: deviceName() });
      const next: Session = { token: paired.token, user: paired.user, pairedAt: new Date().toISOString() };
      await store.setSession(next);
      await store.setLastLogin(paired.user.login);
      session.current = next;
      patch({ phase: 'ready', session: next, lastLogin: paired.user.login, pairingNotice: null, lastError: null });
      void askPersistence().then((persisted) => patch({ persisted }));
      void sync();
    },
    [api, store, patch, sync],
  );

  // The workstation is told, without waiting for it: out of its reach a request can hang for minutes,
  // and the phone forgets its token all the same (the session then waits in the administrator's
  // list, Сервіс → Телефони контролерів, F8).
  const signOut = useCallback(async () => {
    const token = session.current?.token;
    if (token) void api.signOut(token).catch(() => undefined);
    await endSession(null);
  }, [api, endSession]);

  const save = useCallback(
    async (entry: Entry) => {
      const now = new Date();
      const saved = await saveEntry(store, entry, { savedAt: now.toISOString(), takenAt: isoWithOffset(now) });
      await reload();
      if (navigator.onLine) void send();
      return saved;
    },
    [store, reload, send],
  );

  // Start: what the phone kept, then — when there is a connection — send and refresh the plan.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const [kept, lastLogin, plan] = await Promise.all([store.session(), store.lastLogin(), store.plan()]);
      if (cancelled) return;
      session.current = kept;
      patch({ phase: kept ? 'ready' : 'pairing', session: kept, lastLogin, plan });
      await reload();
      if (!kept) return;
      void askPersistence().then((persisted) => patch({ persisted }));
      if (navigator.onLine) await sync();
    })();
    return () => {
      cancelled = true;
    };
  }, [store, patch, reload, sync]);

  useEffect(() => {
    const online = () => {
      patch({ online: true });
      void send();
    };
    const offline = () => patch({ online: false });
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    const timer = setInterval(() => {
      if (navigator.onLine) void send();
    }, sendEveryMs);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      clearInterval(timer);
    };
  }, [send, patch]);

  const counts = useMemo(() => outboxCounts(state.results, state.photos), [state.results, state.photos]);
  return { state, counts, pair, signOut, loadPlan, send, save, store };
}
export type Phone = ReturnType<typeof usePhone>;
