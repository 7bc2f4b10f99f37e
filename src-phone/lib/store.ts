import type { FieldPlan, FieldResult } from '../../shared/contract/field';
import type { ReadingCheckCode } from '../../shared/contract/validation';
import type { MeterCondition, MeterPlacement } from '../../shared/contract/visit';

/**
 * What the phone keeps, and the one interface it keeps it through: IndexedDB on the phone
 * (idb-store.ts), memory in the unit tests (memory-store.ts). Everything is written here first;
 * the outbox only ever sends what is stored.
 */

export interface Session {
  token: string;
  user: { login: string; fullName: string };
  pairedAt: string;
}

export interface StoredPlan {
  plan: FieldPlan;
  /** The phone's wall-clock time, with its offset (dates.ts isoWithOffset). */
  loadedAt: string;
}

/** The three findings a controller states on the phone; the rest of visitFindings stays with the office. */
export interface PhoneFindings {
  placement: MeterPlacement | null;
  condition: MeterCondition | null;
  model: string | null;
}

/** A result with every field the contract takes, as it is sent. */
export interface PhoneResult {
  clientId: string;
  positionId: number;
  value: number | null;
  reasonCode: number | null;
  confirmed: ReadingCheckCode[];
  problems: number[];
  note: string;
  findings: PhoneFindings | null;
  takenAt: string;
  location: { lat: number; lon: number; accuracy: number } | null;
  photoId: string | null;
}
// The phone's result is the contract's, field for field: a change there must be made here.
export const asFieldResult = (result: PhoneResult): FieldResult => result;

/** The workstation's answer for one result (shared/contract/field.ts FieldResultsAnswer). */
export interface ResultSent {
  at: string;
  status: 'new' | 'duplicate' | 'beside' | 'refused';
  /** Why it was refused, in the workstation's words. */
  error?: string;
}

export interface LocalResult {
  result: PhoneResult;
  /** UTC ISO (toISOString), so that the latest of a position's results sorts last. */
  savedAt: string;
  /**
   * Set only on a 2xx answer naming this result; `refused` with the workstation's words (its
   * position handed to another controller): not sent again unless the controller changes it.
   */
  sent: ResultSent | null;
}

export interface LocalPhoto {
  clientId: string;
  positionId: number;
  takenAt: string;
  /** The compressed JPEG. */
  blob: Blob;
  sent: { at: string; status: 'new' | 'duplicate' } | null;
  /** Why the workstation refused it last time (too large, not an image), in its words. */
  error: string | null;
}

export interface PhoneStore {
  session: () => Promise<Session | null>;
  setSession: (session: Session | null) => Promise<void>;
  /** The login last paired on this phone, offered again after a session ends. */
  lastLogin: () => Promise<string | null>;
  setLastLogin: (login: string) => Promise<void>;
  plan: () => Promise<StoredPlan | null>;
  setPlan: (plan: StoredPlan) => Promise<void>;
  results: () => Promise<LocalResult[]>;
  photos: () => Promise<LocalPhoto[]>;
  photo: (clientId: string) => Promise<LocalPhoto | null>;
  /** In one transaction: the result, its new photo if one was taken, and unsent photos nothing needs any more. */
  saveResult: (result: LocalResult, photo: LocalPhoto | null, dropPhotos: string[]) => Promise<void>;
  markResultsSent: (sent: { clientId: string; status: ResultSent['status']; error?: { message: string } }[], at: string) => Promise<void>;
  markPhoto: (clientId: string, change: Pick<LocalPhoto, 'sent' | 'error'>) => Promise<void>;
  /** Drops delivered results and photos (never an unsent one: the store refuses). */
  forgetSent: (resultIds: string[], photoIds: string[]) => Promise<void>;
}
