import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { LocalPhoto, LocalResult, PhoneStore, Session, StoredPlan } from './store';

interface PhoneDb extends DBSchema {
  /** Single values by name: the session, the plan, the last login. */
  meta: { key: 'session' | 'plan' | 'lastLogin'; value: Session | StoredPlan | string };
  results: { key: string; value: LocalResult };
  photos: { key: string; value: LocalPhoto };
}

const dbName = 'obhid-phone';

/** The phone's store in IndexedDB: the plan whole, each result and each photo (a Blob) under its client id. */
export async function openPhoneStore(): Promise<PhoneStore> {
  const db: IDBPDatabase<PhoneDb> = await openDB<PhoneDb>(dbName, 1, {
    upgrade(database) {
      database.createObjectStore('meta');
      database.createObjectStore('results', { keyPath: 'result.clientId' });
      database.createObjectStore('photos', { keyPath: 'clientId' });
    },
  });
  const meta = async <T>(key: PhoneDb['meta']['key']) => ((await db.get('meta', key)) as T | undefined) ?? null;
  return {
    session: () => meta<Session>('session'),
    setSession: async (session) => {
      if (session) await db.put('meta', session, 'session');
      else await db.delete('meta', 'session');
    },
    lastLogin: () => meta<string>('lastLogin'),
    setLastLogin: async (login) => {
      await db.put('meta', login, 'lastLogin');
    },
    plan: () => meta<StoredPlan>('plan'),
    setPlan: async (plan) => {
      await db.put('meta', plan, 'plan');
    },
    results: () => db.getAll('results'),
    photos: () => db.getAll('photos'),
    photo: async (clientId) => (await db.get('photos', clientId)) ?? null,
    saveResult: async (result, photo, dropPhotos) => {
      const tx = db.transaction(['results', 'photos'], 'readwrite');
      const photos = tx.objectStore('photos');
      await tx.objectStore('results').put(result);
      if (photo) await photos.put(photo);
      for (const id of dropPhotos) {
        const old = await photos.get(id);
        if (old && old.sent === null) await photos.delete(id);
      }
      await tx.done;
    },
    markResultsSent: async (sent, at) => {
      const tx = db.transaction('results', 'readwrite');
      for (const { clientId, status, error } of sent) {
        const found = await tx.store.get(clientId);
        if (found) await tx.store.put({ ...found, sent: { at, status, ...(error ? { error: error.message } : {}) } });
      }
      await tx.done;
    },
    markPhoto: async (clientId, change) => {
      const tx = db.transaction('photos', 'readwrite');
      const found = await tx.store.get(clientId);
      if (found) await tx.store.put({ ...found, ...change });
      await tx.done;
    },
    forgetSent: async (resultIds, photoIds) => {
      const tx = db.transaction(['results', 'photos'], 'readwrite');
      const results = tx.objectStore('results');
      const photos = tx.objectStore('photos');
      for (const id of resultIds) if ((await results.get(id))?.sent) await results.delete(id);
      for (const id of photoIds) if ((await photos.get(id))?.sent) await photos.delete(id);
      await tx.done;
    },
  };
}
