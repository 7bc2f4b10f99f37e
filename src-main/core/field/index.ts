import type { Db } from '../../db/open';
import type { FieldAdmin, FieldService } from './service';

export interface FieldOptions {
  today: () => string;
  /** Where photos from phones are kept as files: beside the database; null for a database in memory. */
  photosDir: string | null;
  now?: () => number;
}

/** The field service's side of the core: pairing and sessions, the controller's plan, results and photos in. */
export function fieldServices(_db: Db, _options: FieldOptions): FieldService & FieldAdmin {
  const pending = (): never => {
    throw new Error('The field service is being built');
  };
  return {
    pair: pending,
    authenticate: pending,
    plan: pending,
    results: pending,
    photo: pending,
    createPairing: pending,
    sessions: pending,
    revoke: pending,
  };
}
