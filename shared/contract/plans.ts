import { z } from 'zod';
import { id, isoDate } from './common';
import { read, write } from './define';

/** Why a point is in a day's plan, most pressing first (core/plans/scoring.ts weighs each). */
export const planReasonCodes = [
  'reread',
  'warning',
  'neverRead',
  'controlOverdue',
  'complaint',
  'inspection',
  'debt',
  'verification',
  'revisit',
] as const;
export type PlanReasonCode = (typeof planReasonCodes)[number];

/**
 * A reason with what it rests on: the days since the last control reading (controlOverdue), the
 * debt (debt), the verification date (verification), the visits without a reading since the last
 * control reading (revisit).
 */
export interface PlanReason {
  code: PlanReasonCode;
  days?: number;
  debtKop?: number;
  on?: string;
  count?: number;
}

export interface PlanPoint {
  pointId: number;
  /** Null for a point moved off every route since. */
  routeNumber: number | null;
  accountNumber: string;
  fullName: string;
  address: string;
  /** "вул. Шевченка": the street the point is on, as the plan's street list names it. */
  street: string;
  score: number;
  reasons: PlanReason[];
  /** The share of the point's visits that gave a reading, in thousandths; the district's when it has no visits. */
  accessPermille: number;
  /** Moved into this plan by the master. */
  moved: boolean;
}

/** A point refused admittance often enough: proposed for a non-admittance warning instead of another visit. */
export interface WarningProposal {
  pointId: number;
  routeNumber: number | null;
  accountNumber: string;
  fullName: string;
  address: string;
  /** The refused visits' dates counted, oldest first. */
  refusals: string[];
}

export interface ControllerPlan {
  employeeId: number;
  fullName: string;
  /** Readings a day: the controller's own figure, else the setting. */
  capacity: number;
  /** In walk order. */
  points: PlanPoint[];
  count: number;
  /** The sum of the points' access rates, in tenths of a reading. */
  expectedTenths: number;
  /** Streets in walk order, each once. */
  streets: string[];
  routes: number[];
  /** The score of the last point the proposal took (the lowest that made it); null for an empty plan. */
  lastScore: number | null;
  locked: boolean;
  /** The plan's walk tasks once formed; the points are then theirs. */
  formedTaskIds: number[];
  warningProposals: WarningProposal[];
}

export interface DayPlans {
  date: string;
  plans: ControllerPlan[];
  /** Candidates left out, by why: read recently, refused too lately (cool-off), refused on this weekday. */
  leftOut: { recent: number; coolOff: number; sameWeekday: number };
}

export interface PlansFormed {
  taskIds: number[];
  controllers: number;
  positions: number;
  /** Non-admittance warnings formed for the points proposed for one, when asked. */
  warnings: number;
}

const day = { date: isoDate, sectionId: id.nullable().default(null) };

export const plansChannels = {
  /** Each active controller's proposal for the date (null: the next working day after today). */
  'plans.propose': read<DayPlans>()(z.object({ date: isoDate.nullable().default(null), sectionId: id.nullable().default(null) })),
  /** Points into another controller's plan of the date, whoever's they were. */
  'plans.move': write<{ moved: number }>()(z.object({ date: isoDate, pointIds: z.array(id).min(1).max(5000), toEmployeeId: id })),
  /** Freezes a controller's plan as proposed now (or lets the proposal refill it again). */
  'plans.lock': write<{ locked: boolean; points: number }>()(z.object({ ...day, employeeId: id, locked: z.boolean() })),
  /** Every controller's plan of the date not yet formed, as walk tasks of kind 'plan', in one transaction. */
  'plans.form': write<PlansFormed>()(z.object({ ...day, formWarnings: z.boolean().default(false) })),
};
