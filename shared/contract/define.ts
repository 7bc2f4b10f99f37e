import type { z } from 'zod';

/**
 * What a channel does to the workstation's data, declared once beside its schema:
 * - `read` changes nothing in the database: it runs without a write transaction and is not audited;
 * - `write` changes the database: one transaction with its audit entry, or nothing;
 * - `export` changes nothing but sends data out of the workstation as a file: audited.
 * The registry audits and the renderer's cache invalidates by this, so no handler or screen can forget.
 */
export type Effect = 'read' | 'write' | 'export';

/** A channel pairs the request schema (validated at the boundary) with the answer's type and its effect. */
export interface Channel<I extends z.ZodType, O, E extends Effect = Effect> {
  readonly input: I;
  readonly effect: E;
  /** Phantom: carries the answer type only. */
  readonly output?: O;
}

const define =
  <E extends Effect>(effect: E) =>
  <O>() =>
  <I extends z.ZodType>(input: I): Channel<I, O, E> => ({ input, effect });

export const read = define('read');
export const write = define('write');
export const exported = define('export');

export interface Page<T> {
  rows: T[];
  total: number;
}
