import { describe, expect, it } from 'vitest';
import { shifted, weekday } from './days';
import { judgePoint, refusalsForWarning, scorePoint, weights, type PointFacts, type ScoreSettings } from './scoring';

const date = '2026-11-12'; // a Thursday
const s: ScoreSettings = {
  controlLimitDays: 180,
  recentDays: 30,
  coolOffDays: 7,
  failuresBeforeWarning: 2,
  warningWindowDays: 60,
  minDebtKop: 50_000,
  verificationDays: 30,
};
const facts = (own: Partial<PointFacts> = {}): PointFacts => ({
  lastControlOn: shifted(date, -100),
  debtKop: 0,
  complaintSince: null,
  inspectionSince: null,
  verificationDue: null,
  reread: false,
  warningToDeliver: false,
  nonAdmittanceWarning: null,
  failedVisits: [],
  ...own,
});
const readDaysAgo = (days: number, own: Partial<PointFacts> = {}) => facts({ lastControlOn: shifted(date, -days), ...own });
const codes = (f: PointFacts) => scorePoint(f, date, s).reasons.map((r) => r.code);

describe('the score of a point', () => {
  it('counts a control reading overdue from the limit: 179 days is not, 180 and 181 are', () => {
    const at = (days: number) => scorePoint(readDaysAgo(days), date, s);
    expect(at(179)).toEqual({ score: 39, reasons: [] });
    expect(at(180)).toEqual({ score: weights.controlOverdue, reasons: [{ code: 'controlOverdue', days: 180 }] });
    expect(at(181)).toEqual({ score: weights.controlOverdue, reasons: [{ code: 'controlOverdue', days: 181 }] });
    // The point at 181 days goes before the one at 179, whatever else the latter has short of a reason.
    expect(at(181).score).toBeGreaterThan(at(179).score + weights.debt);
    // A week past the limit weighs one more; the extra stops at 50.
    expect(at(187).score).toBe(weights.controlOverdue + 1);
    expect(at(180 + 7 * 60).score).toBe(weights.controlOverdue + weights.overdueWeeksMax);
  });

  it('weighs a point never read above an overdue one, and a re-read and a notice to hand over above both', () => {
    expect(scorePoint(facts({ lastControlOn: null }), date, s)).toEqual({ score: weights.neverRead, reasons: [{ code: 'neverRead' }] });
    expect(codes(readDaysAgo(40, { reread: true, warningToDeliver: true }))).toEqual(['reread', 'warning']);
    expect(scorePoint(readDaysAgo(40, { reread: true }), date, s).score).toBeGreaterThan(weights.neverRead);
  });

  it('adds the debt from the minimum, a kopeck short adding nothing, and more for each further minimum owed', () => {
    const debt = (debtKop: number) => scorePoint(readDaysAgo(0, { debtKop }), date, s);
    expect(debt(49_999)).toEqual({ score: 0, reasons: [] });
    expect(debt(50_000)).toEqual({ score: weights.debt, reasons: [{ code: 'debt', debtKop: 50_000 }] });
    expect(debt(100_000).score).toBe(weights.debt + 10);
    expect(debt(10_000_000).score).toBe(weights.debt + weights.debtExtraMax);
  });

  it('adds the marks set by the date, and a verification falling within the days asked', () => {
    expect(codes(facts({ complaintSince: date, inspectionSince: shifted(date, 1) }))).toEqual(['complaint']);
    expect(codes(facts({ verificationDue: shifted(date, 30) }))).toEqual(['verification']);
    expect(codes(facts({ verificationDue: shifted(date, 31) }))).toEqual([]);
  });

  it('names the visits without a reading since the last one', () => {
    const failedVisits = [
      { taskId: 1, on: shifted(date, -120), nonAdmittance: false }, // before the last reading: settled by it
      { taskId: 2, on: shifted(date, -20), nonAdmittance: false },
    ];
    expect(scorePoint(facts({ failedVisits }), date, s).reasons).toEqual([{ code: 'revisit', count: 1 }]);
  });
});

describe('which points a day leaves out', () => {
  it('leaves out a point read fewer days ago than the setting: 29 days out, 30 in', () => {
    expect(judgePoint(readDaysAgo(29), date, s)).toEqual({ kind: 'leftOut', why: 'recent' });
    expect(judgePoint(readDaysAgo(30), date, s)).toMatchObject({ kind: 'visit' });
  });

  it('takes a point read lately when a re-read, a notice or a mark set since calls for it', () => {
    expect(judgePoint(readDaysAgo(3, { reread: true }), date, s)).toMatchObject({ kind: 'visit', score: weights.reread });
    expect(judgePoint(readDaysAgo(3, { warningToDeliver: true }), date, s)).toMatchObject({ kind: 'visit' });
    expect(judgePoint(readDaysAgo(3, { complaintSince: shifted(date, -1) }), date, s)).toMatchObject({ kind: 'visit' });
    // A mark from before the reading was dealt with by it.
    expect(judgePoint(readDaysAgo(3, { complaintSince: shifted(date, -10) }), date, s)).toEqual({ kind: 'leftOut', why: 'recent' });
  });

  it('brings a refused point back after the cool-off, on another weekday than the refusal', () => {
    const refusedOn = '2026-11-04'; // a Wednesday
    const refused = facts({ failedVisits: [{ taskId: 7, on: refusedOn, nonAdmittance: true }] });
    expect(weekday(refusedOn)).toBe(3);
    expect(judgePoint(refused, '2026-11-10', s)).toEqual({ kind: 'leftOut', why: 'coolOff' }); // 6 days after
    expect(judgePoint(refused, '2026-11-11', s)).toEqual({ kind: 'leftOut', why: 'sameWeekday' }); // 7 days, a Wednesday again
    expect(judgePoint(refused, '2026-11-12', s)).toMatchObject({ kind: 'visit', reasons: [{ code: 'revisit', count: 1 }] }); // a Thursday
    // A control reading since settles the refusal: the weekday no longer matters.
    expect(judgePoint({ ...refused, lastControlOn: '2026-11-06' }, '2026-12-09', s)).toMatchObject({ kind: 'visit' });
    // Nobody at home counts as much as a refusal for coming back later.
    const nobodyHome = facts({ failedVisits: [{ taskId: 7, on: refusedOn, nonAdmittance: false }] });
    expect(judgePoint(nobodyHome, '2026-11-11', s)).toEqual({ kind: 'leftOut', why: 'sameWeekday' });
  });

  it('proposes a warning instead of a visit after the refusals the setting names', () => {
    const refusals = [
      { taskId: 1, on: '2026-10-13', nonAdmittance: true },
      { taskId: 1, on: '2026-10-14', nonAdmittance: true }, // the same task twice counts once, on the earlier date
      { taskId: 2, on: '2026-10-28', nonAdmittance: true },
    ];
    const twice = facts({ lastControlOn: '2026-01-10', failedVisits: refusals });
    expect(refusalsForWarning(twice, date, s)).toEqual(['2026-10-13', '2026-10-28']);
    expect(judgePoint(twice, date, s)).toEqual({ kind: 'warn', refusals: ['2026-10-13', '2026-10-28'] });
    expect(judgePoint(twice, date, { ...s, failuresBeforeWarning: 3 })).toMatchObject({ kind: 'visit' });
    // A refusal outside the warning's window is not counted (task 1's visits 62 and 61 days before).
    expect(judgePoint(twice, shifted('2026-10-14', 61), s)).toMatchObject({ kind: 'visit' });
    // With the warning issued the point waits for the order; with it formed the visit hands it over.
    expect(judgePoint({ ...twice, nonAdmittanceWarning: 'issued' }, date, s)).toEqual({ kind: 'leftOut', why: 'warned' });
    expect(judgePoint({ ...twice, nonAdmittanceWarning: 'formed', warningToDeliver: true }, date, s)).toMatchObject({
      kind: 'visit',
      reasons: [{ code: 'warning' }, { code: 'controlOverdue', days: 306 }, { code: 'revisit', count: 3 }],
    });
  });
});
