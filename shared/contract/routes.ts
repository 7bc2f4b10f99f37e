import { z } from 'zod';
import { read, write, type Page } from './define';
import { id, paging, requiredText, text } from './common';

export interface RouteRow {
  id: number;
  number: number;
  name: string;
  sectionId: number | null;
  sectionName: string | null;
  executorId: number | null;
  executorName: string | null;
  pointCount: number;
}

export interface RoutePointRow {
  pointId: number;
  accountId: number;
  accountNumber: string;
  fullName: string;
  address: string;
  commodity: 'gas' | 'electricity';
  status: 'connected' | 'disconnected';
  meterSerial: string | null;
  meterModel: string | null;
}

/** Which metering points an assignment takes. */
export const pointSelector = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('houses'), houseIds: z.array(id).min(1).max(5000) }),
  z.object({ kind: z.literal('settlement'), settlementId: id }),
  z.object({ kind: z.literal('points'), pointIds: z.array(id).min(1).max(5000) }),
]);
export type PointSelector = z.infer<typeof pointSelector>;

export interface AssignPreview {
  total: number;
  alreadyOnRoute: number;
  free: number;
  onOtherRoutes: { routeId: number; number: number; name: string; count: number }[];
}

export interface AssignResult {
  assigned: number;
  moved: number;
  alreadyOnRoute: number;
}

/** A point of a route in its walk sequence (Порядок обходу). */
export interface WalkRow {
  pointId: number;
  /** Its place in the walk, 1..n; null only for a point put on the route past the core (repaired by renumbering). */
  seq: number | null;
  accountId: number;
  accountNumber: string;
  fullName: string;
  streetId: number;
  /** The street as printed: "вул. Шевченка". */
  street: string;
  house: string;
  apartment: string;
  address: string;
  commodity: 'gas' | 'electricity';
  status: 'connected' | 'disconnected';
}

/** A page of pointIds for a block; a walk is a few hundred points, a whole settlement a few thousand. */
const block = z.array(id).min(1).max(20_000);

/**
 * One edit of a route's walk sequence. A block is the points named, in their walk order: the ones
 * between them stay where they are and the block closes up at its first point before it moves.
 */
export const walkChange = z.discriminatedUnion('kind', [
  /** Up (negative) or down by that many places; past the first or last place it stops there. */
  z.object({ kind: z.literal('move'), pointIds: block, by: z.number().int().min(-1_000_000).max(1_000_000) }),
  /** The block's first point to this place (1 = the start); past the end it goes last. */
  z.object({ kind: z.literal('moveTo'), pointIds: block, position: z.number().int().min(1).max(1_000_000) }),
  /** The street's points walked the other way, in the places they hold: the other streets keep theirs. */
  z.object({ kind: z.literal('reverseStreet'), streetId: id }),
  /** 1..n in the current order: gaps closed, a point without a place put beside its address neighbours. */
  z.object({ kind: z.literal('renumber') }),
  /** Back to address order: settlement, street, house, apartment. */
  z.object({ kind: z.literal('addressOrder') }),
]);
export type WalkChange = z.infer<typeof walkChange>;

export interface WalkChangeResult {
  /** How many points changed place. */
  changed: number;
  /** Each of them: point id → its new place. */
  places: Record<number, number>;
}

export const routesChannels = {
  'routes.list': read<Page<RouteRow>>()(z.object({ query: text(100).default(''), ...paging })),
  'routes.get': read<RouteRow>()(z.object({ id })),
  'routes.save': write<RouteRow>()(
    z.object({
      id: id.optional(),
      number: z.number().int(),
      name: requiredText(200),
      sectionId: id.nullable(),
      executorId: id.nullable(),
    }),
  ),
  'routes.delete': write<{ deleted: number }>()(z.object({ id })),
  'routes.points': read<Page<RoutePointRow>>()(z.object({ routeId: id, ...paging })),
  'routes.assignPreview': read<AssignPreview>()(z.object({ routeId: id, selector: pointSelector })),
  'routes.assign': write<AssignResult>()(z.object({ routeId: id, selector: pointSelector, confirmMove: z.boolean().default(false) })),
  'routes.removePoints': write<{ removed: number }>()(z.object({ routeId: id, pointIds: z.array(id).min(1).max(5000) })),
  /** The route's points in walk order. */
  'routes.sequence': read<WalkRow[]>()(z.object({ routeId: id })),
  'routes.resequence': write<WalkChangeResult>()(z.object({ routeId: id, change: walkChange })),
};
