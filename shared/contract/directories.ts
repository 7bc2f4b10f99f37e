import { z } from 'zod';
import { read, write } from './define';
import { id, requiredText, text } from './common';

export interface SectionRow {
  id: number;
  name: string;
  settlementId: number | null;
  settlementName: string | null;
  routeCount: number;
}
export interface EmployeeRow {
  id: number;
  fullName: string;
  position: string;
  phone: string;
  isController: boolean;
  active: boolean;
  routeCount: number;
  /** Readings a day in the controller's day plan; null takes the setting plan.capacity. */
  planCapacity: number | null;
}
export interface SettlementRow {
  id: number;
  name: string;
  kind: string;
  streetCount: number;
}
export interface StreetRow {
  id: number;
  settlementId: number;
  name: string;
  kind: string;
  houseCount: number;
  pointCount: number;
}
export interface HouseRow {
  id: number;
  streetId: number;
  number: string;
  pointCount: number;
  /** Points of this house on the route asked about (0 when no route was given). */
  onRouteCount: number;
  /** Numbers of the other routes this house's points are on, ascending. */
  otherRoutes: number[];
}

export const settlementKinds = ['місто', 'смт', 'село', 'селище'] as const;
export const streetKinds = ['вул.', 'просп.', 'пров.', 'бульв.', 'пл.', 'узвіз'] as const;

export const directoriesChannels = {
  'sections.list': read<SectionRow[]>()(z.object({})),
  'sections.save': write<SectionRow>()(z.object({ id: id.optional(), name: requiredText(100), settlementId: id.nullable().default(null) })),
  'employees.list': read<EmployeeRow[]>()(z.object({ onlyActiveControllers: z.boolean().default(false) })),
  'employees.save': write<EmployeeRow>()(
    z.object({
      id: id.optional(),
      fullName: requiredText(150),
      position: text(100).default(''),
      phone: text(30).default(''),
      isController: z.boolean(),
      active: z.boolean().default(true),
      /** Left out, a saved figure stays as it is; null clears it (the setting applies). */
      planCapacity: z.number().int().min(1).max(500).nullable().optional(),
    }),
  ),
  'settlements.list': read<SettlementRow[]>()(z.object({})),
  'settlements.save': write<SettlementRow>()(z.object({ id: id.optional(), name: requiredText(100), kind: z.enum(settlementKinds) })),
  'streets.list': read<StreetRow[]>()(z.object({ settlementId: id })),
  'streets.save': write<StreetRow>()(z.object({ id: id.optional(), settlementId: id, name: requiredText(100), kind: z.enum(streetKinds) })),
  'houses.list': read<HouseRow[]>()(z.object({ streetId: id, routeId: id.optional() })),
  'houses.save': write<HouseRow>()(z.object({ id: id.optional(), streetId: id, number: requiredText(20) })),
};
