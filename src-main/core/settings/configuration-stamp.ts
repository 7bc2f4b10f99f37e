import type { Db } from '../../db/open';

/**
 * `read` answered again only once the settings or the consumption profile changed since its last
 * answer (the stamp's triggers, migration 019), so what is parsed from them is parsed once per change.
 */
export function untilConfigurationChanges<T>(db: Db, read: () => T): () => T {
  const stamp = db.prepare<[], number>('SELECT changes FROM configuration_stamp WHERE id = 1').pluck();
  let kept: { at: number; value: T } | null = null;
  return () => {
    const at = stamp.get()!;
    if (kept?.at !== at) kept = { at, value: read() };
    return kept.value;
  };
}
