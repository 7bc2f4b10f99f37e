import type { LocalPhoto, LocalResult, PhoneStore, Session, StoredPlan } from './store';

/**
 * The phone's store in memory: for unit tests, where there is no IndexedDB. Values are copied in
 * and out, as IndexedDB's structured clone does, so a caller never changes what is stored by hand.
 */
export function createMemoryStore(): PhoneStore & { dump: () => { results: LocalResult[]; photos: LocalPhoto[] } } {
  let session: Session | null = null;
  let lastLogin: string | null = null;
  let plan: StoredPlan | null = null;
  const results = new Map<string, LocalResult>();
  const photos = new Map<string, LocalPhoto>();
  const copyResult = (r: LocalResult): LocalResult => structuredClone(r);
  const copyPhoto = (p: LocalPhoto): LocalPhoto => ({ ...p, sent: p.sent && { ...p.sent } });
  return {
    session: () => Promise.resolve(session && structuredClone(session)),
    setSession: (next) => {
      session = next && structuredClone(next);
      return Promise.resolve();
    },
    lastLogin: () => Promise.resolve(lastLogin),
    setLastLogin: (login) => {
      lastLogin = login;
      return Promise.resolve();
    },
    plan: () => Promise.resolve(plan && structuredClone(plan)),
    setPlan: (next) => {
      plan = structuredClone(next);
      return Promise.resolve();
    },
    results: () => Promise.resolve([...results.values()].map(copyResult)),
    photos: () => Promise.resolve([...photos.values()].map(copyPhoto)),
    photo: (clientId) => {
      const found = photos.get(clientId);
      return Promise.resolve(found ? copyPhoto(found) : null);
    },
    saveResult: (result, photo, dropPhotos) => {
      results.set(result.result.clientId, copyResult(result));
      if (photo) photos.set(photo.clientId, copyPhoto(photo));
      for (const id of dropPhotos) if (photos.get(id)?.sent === null) photos.delete(id);
      return Promise.resolve();
    },
    markResultsSent: (sent, at) => {
      for (const { clientId, status, error } of sent) {
        const found = results.get(clientId);
        if (found) results.set(clientId, { ...found, sent: { at, status, ...(error ? { error: error.message } : {}) } });
      }
      return Promise.resolve();
    },
    markPhoto: (clientId, change) => {
      const found = photos.get(clientId);
      if (found) photos.set(clientId, { ...found, ...change });
      return Promise.resolve();
    },
    forgetSent: (resultIds, photoIds) => {
      for (const id of resultIds) if (results.get(id)?.sent) results.delete(id);
      for (const id of photoIds) if (photos.get(id)?.sent) photos.delete(id);
      return Promise.resolve();
    },
    dump: () => ({ results: [...results.values()].map(copyResult), photos: [...photos.values()].map(copyPhoto) }),
  };
}
