import { z } from 'zod';

export const id = z.number().int().positive();
/** Free-text fields are bounded so a pasted novel cannot reach the database. */
export const text = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => z.string().trim().min(1).max(max);
export const paging = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(50) };
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
