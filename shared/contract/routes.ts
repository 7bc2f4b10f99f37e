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
};
