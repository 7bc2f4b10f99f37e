import type { DomainError } from './errors';

export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';

/** Runs a write, turning the table's UNIQUE constraint into the refusal the user reads. */
export function uniquely<T>(write: () => T, refusal: (error: unknown) => DomainError): T {
  try {
    return write();
  } catch (error) {
    if (isUniqueViolation(error)) throw refusal(error);
    throw error;
  }
}
