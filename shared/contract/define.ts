import type { z } from 'zod';

/** A channel pairs the request schema (validated at the boundary) with the answer's type. */
export interface Channel<I extends z.ZodType, O> {
  readonly input: I;
  /** Phantom: carries the answer type only. */
  readonly output?: O;
}

export const channel =
  <O>() =>
  <I extends z.ZodType>(input: I): Channel<I, O> => ({ input });

export interface Page<T> {
  rows: T[];
  total: number;
}
