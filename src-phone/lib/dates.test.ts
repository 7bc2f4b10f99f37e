import { describe, expect, it } from 'vitest';
import { fieldResult } from '../../shared/contract/field';
import { isoWithOffset, phoneToday } from './dates';

describe("the phone's times", () => {
  it('writes an instant with its own offset, as the contract takes it, naming the same instant', () => {
    const at = new Date(Date.UTC(2026, 2, 4, 22, 30, 5, 7));
    const written = isoWithOffset(at);
    expect(written).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/);
    expect(Date.parse(written)).toBe(at.getTime());
    expect(written.slice(0, 10)).toBe(phoneToday(at));
    const result = { clientId: 'abcdefgh', positionId: 1, value: 5, reasonCode: null, takenAt: written };
    expect(fieldResult.safeParse(result).success).toBe(true);
  });
});
