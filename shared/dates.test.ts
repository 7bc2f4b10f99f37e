import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localDay, localToday } from './dates';

// Node applies a TZ assigned at run time to every Date read after it; the file's own zone is restored at the end.
const zoneBefore = process.env.TZ;
afterAll(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

describe('the local calendar day', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());

  it('is already the new day at 00:30 in Kyiv, while UTC is still on the previous one', () => {
    process.env.TZ = 'Europe/Kyiv';
    vi.setSystemTime(new Date('2026-11-23T22:30:00Z')); // 00:30 on the 24th in Kyiv (UTC+2 in winter)
    expect(new Date().toISOString().slice(0, 10)).toBe('2026-11-23');
    expect(localToday()).toBe('2026-11-24');
    vi.setSystemTime(new Date('2026-11-23T21:59:59Z')); // 23:59:59 on the 23rd
    expect(localToday()).toBe('2026-11-23');
    vi.setSystemTime(new Date('2026-11-23T22:00:00Z')); // midnight exactly
    expect(localToday()).toBe('2026-11-24');
  });

  it('follows summer time and the turn of a month and a year', () => {
    process.env.TZ = 'Europe/Kyiv';
    vi.setSystemTime(new Date('2026-06-30T21:30:00Z')); // 00:30 on 1 July (UTC+3 in summer)
    expect(localToday()).toBe('2026-07-01');
    vi.setSystemTime(new Date('2026-12-31T22:30:00Z'));
    expect(localToday()).toBe('2027-01-01');
  });

  it('stays on the old day late in the evening west of Greenwich, where UTC is already on the next', () => {
    process.env.TZ = 'America/New_York';
    vi.setSystemTime(new Date('2026-11-24T03:30:00Z')); // 22:30 on the 23rd
    expect(localToday()).toBe('2026-11-23');
  });

  it('writes any instant as the local date, zero-padded', () => {
    process.env.TZ = 'Europe/Kyiv';
    expect(localDay(new Date(2026, 0, 5, 0, 0))).toBe('2026-01-05');
    expect(localDay(new Date(2026, 10, 24, 23, 59))).toBe('2026-11-24');
  });
});
