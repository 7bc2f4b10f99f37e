import type { PlanReason } from '../../../shared/contract/plans';
import { daysBetween, weekday } from './days';

/**
 * How pressing a visit to a point is on a date (docs/domain.md, "The plan for a day"). Pure: the
 * facts come in from facts.ts, the settings from plan-settings.ts, and the same facts always give
 * the same answer, so the boundaries are tested without a database.
 */

export interface ScoreSettings {
  /** A control reading is due this many days after the last (the gas distribution code's six months). */
  controlLimitDays: number;
  /** A point read fewer days ago than this is left out, unless something else calls for a visit. */
  recentDays: number;
  /** A point not admitted comes back no sooner than this many days after. */
  coolOffDays: number;
  /** This many refusals of admittance and the point is proposed for a warning instead. */
  failuresBeforeWarning: number;
  /** The refusals counted for a warning are those of this window (warnings.nonAdmittance.windowDays). */
  warningWindowDays: number;
  /** A debt this large or larger counts (warnings.minDebtKop). */
  minDebtKop: number;
  /** A meter whose verification falls within this many days counts. */
  verificationDays: number;
}

/** A visit that gave no reading: a position entered as not executed. */
export interface FailedVisit {
  taskId: number;
  on: string;
  /** Its reason counts towards a non-admittance warning. */
  nonAdmittance: boolean;
}

export interface PointFacts {
  lastControlOn: string | null;
  debtKop: number;
  complaintSince: string | null;
  inspectionSince: string | null;
  verificationDue: string | null;
  /** The correction queue ordered a control re-read the point has not had yet. */
  reread: boolean;
  /** A disconnection warning of the point is formed, not handed over yet. */
  warningToDeliver: boolean;
  /** Its non-admittance warning in force, if any. */
  nonAdmittanceWarning: 'formed' | 'issued' | null;
  /** Visits without a reading, any order. */
  failedVisits: readonly FailedVisit[];
}

export type Verdict =
  | { kind: 'visit'; score: number; reasons: PlanReason[] }
  | { kind: 'leftOut'; why: 'recent' | 'coolOff' | 'sameWeekday' | 'warned' }
  | { kind: 'warn'; refusals: string[] };

/**
 * What each reason weighs. A re-read the master ordered comes first, then a notice waiting to be
 * handed over, then a point never read and one past its control limit (the law's reason to walk at
 * all); the marks, debt and verification add to whatever the reading's age gives.
 */
export const weights = {
  reread: 200,
  warning: 150,
  neverRead: 120,
  controlOverdue: 100,
  /** One more a week past the limit, up to this many. */
  overdueWeeksMax: 50,
  /** A point not due yet weighs its share of the limit gone by, up to this. */
  controlAgeMax: 40,
  complaint: 60,
  inspection: 50,
  debt: 30,
  /** Ten more for each further minimum owed, up to this many. */
  debtExtraMax: 30,
  verification: 40,
} as const;

const none: readonly FailedVisit[] = [];

/** The failures since the point was last read, up to the date: what happened before a reading is settled. */
const sinceLastReading = (facts: PointFacts, date: string): readonly FailedVisit[] =>
  facts.failedVisits.length === 0
    ? none
    : facts.failedVisits.filter((visit) => visit.on <= date && (facts.lastControlOn === null || visit.on > facts.lastControlOn));

/** The refused visits the non-admittance rule counts on the date: one a task, on its earliest date, in the window. */
export function refusalsForWarning(facts: PointFacts, date: string, s: ScoreSettings): string[] {
  if (facts.failedVisits.length === 0) return [];
  const byTask = new Map<number, string>();
  for (const visit of sinceLastReading(facts, date)) {
    if (!visit.nonAdmittance || daysBetween(visit.on, date) > s.warningWindowDays) continue;
    const earlier = byTask.get(visit.taskId);
    if (earlier === undefined || visit.on < earlier) byTask.set(visit.taskId, visit.on);
  }
  return [...byTask.values()].sort();
}

/** Days since the last control reading; null for a point never read. */
const ageOf = (facts: PointFacts, date: string) => (facts.lastControlOn === null ? null : daysBetween(facts.lastControlOn, date));

/** The score of a point that is to be visited, with each reason that gave it. */
export const scorePoint = (facts: PointFacts, date: string, s: ScoreSettings) => scoreAged(facts, date, s, ageOf(facts, date));

function scoreAged(facts: PointFacts, date: string, s: ScoreSettings, age: number | null): { score: number; reasons: PlanReason[] } {
  const reasons: PlanReason[] = [];
  let score = 0;
  if (facts.reread) {
    score += weights.reread;
    reasons.push({ code: 'reread' });
  }
  if (facts.warningToDeliver) {
    score += weights.warning;
    reasons.push({ code: 'warning' });
  }
  if (age === null) {
    score += weights.neverRead;
    reasons.push({ code: 'neverRead' });
  } else {
    const days = age;
    if (days >= s.controlLimitDays) {
      score += weights.controlOverdue + Math.min(weights.overdueWeeksMax, Math.floor((days - s.controlLimitDays) / 7));
      reasons.push({ code: 'controlOverdue', days });
    } else {
      score += Math.floor((weights.controlAgeMax * Math.max(0, days)) / s.controlLimitDays);
    }
  }
  if (facts.complaintSince !== null && facts.complaintSince <= date) {
    score += weights.complaint;
    reasons.push({ code: 'complaint', on: facts.complaintSince });
  }
  if (facts.inspectionSince !== null && facts.inspectionSince <= date) {
    score += weights.inspection;
    reasons.push({ code: 'inspection', on: facts.inspectionSince });
  }
  if (s.minDebtKop > 0 && facts.debtKop >= s.minDebtKop) {
    score += weights.debt + Math.min(weights.debtExtraMax, 10 * Math.floor((facts.debtKop - s.minDebtKop) / s.minDebtKop));
    reasons.push({ code: 'debt', debtKop: facts.debtKop });
  }
  if (facts.verificationDue !== null && daysBetween(date, facts.verificationDue) <= s.verificationDays) {
    score += weights.verification;
    reasons.push({ code: 'verification', on: facts.verificationDue });
  }
  const failures = sinceLastReading(facts, date).length;
  if (failures > 0) reasons.push({ code: 'revisit', count: failures });
  return { score, reasons };
}

/** A mark set after the last reading still wants the visit it was set for. */
const markSinceReading = (since: string | null, facts: PointFacts, date: string) =>
  since !== null && since <= date && (facts.lastControlOn === null || since > facts.lastControlOn);

/**
 * Whether the point is visited on the date, and with what score; left out, and why; or proposed for
 * a non-admittance warning instead of another knock on a door that stays shut.
 *
 * - Refused admittance `failuresBeforeWarning` times in the warning's window since the last reading:
 *   proposed for a warning, when none is in force. With one issued it waits for the order; with one
 *   formed the visit hands it over.
 * - Read fewer than `recentDays` days ago: left out, unless a re-read, a notice to hand over or a
 *   mark set since that reading calls for the visit.
 * - A visit that gave no reading less than `coolOffDays` ago: left out; and on the weekday of any
 *   such visit since the last reading (within the warning's window): left out, so the next try
 *   finds another day's routine. A notice to hand over does not wait for either.
 */
export function judgePoint(facts: PointFacts, date: string, s: ScoreSettings): Verdict {
  const refusals = refusalsForWarning(facts, date, s);
  if (refusals.length >= s.failuresBeforeWarning) {
    if (facts.nonAdmittanceWarning === null) return { kind: 'warn', refusals };
    if (facts.nonAdmittanceWarning === 'issued') return { kind: 'leftOut', why: 'warned' };
  }
  const calledFor =
    facts.reread ||
    facts.warningToDeliver ||
    markSinceReading(facts.complaintSince, facts, date) ||
    markSinceReading(facts.inspectionSince, facts, date);
  const age = ageOf(facts, date);
  if (age !== null && age < s.recentDays && !calledFor) {
    return { kind: 'leftOut', why: 'recent' };
  }
  if (!facts.warningToDeliver) {
    const failures = sinceLastReading(facts, date);
    if (failures.some((visit) => daysBetween(visit.on, date) < s.coolOffDays)) return { kind: 'leftOut', why: 'coolOff' };
    const today = weekday(date);
    const recentFailures = failures.filter((visit) => daysBetween(visit.on, date) <= s.warningWindowDays);
    if (recentFailures.some((visit) => weekday(visit.on) === today)) return { kind: 'leftOut', why: 'sameWeekday' };
  }
  return { kind: 'visit', ...scoreAged(facts, date, s, age) };
}
