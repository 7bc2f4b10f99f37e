import type { ErrorCode } from '../../shared/i18n/errors';

/** A rule said no. Carries a code the host turns into the user's language, never a bare string. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(code);
  }
}

export function found<T>(row: T | undefined, code: ErrorCode): T {
  if (row === undefined) throw new DomainError(code);
  return row;
}
