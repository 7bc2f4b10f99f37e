import { z } from 'zod';
import { read, type Page } from './define';
import { id, paging, text } from './common';

export interface AccountRow {
  id: number;
  number: string;
  fullName: string;
  address: string;
  phone: string;
  balanceKop: number;
  pointCount: number;
}

export interface PointSearchRow {
  pointId: number;
  accountId: number;
  accountNumber: string;
  fullName: string;
  address: string;
  routeId: number | null;
  routeNumber: number | null;
}

export interface AccountCard {
  account: AccountRow;
  points: {
    id: number;
    address: string;
    commodity: 'gas' | 'electricity';
    status: 'connected' | 'disconnected';
    routeNumber: number | null;
    routeName: string | null;
    inspectionSince: string | null;
    complaintSince: string | null;
    meter: { serial: string; model: string; digits: number; placement: string; condition: string; verificationDue: string } | null;
    readings: { takenOn: string; value: number; kind: 'control' | 'self' | 'billing'; enteredBy: string | null }[];
    bills: { period: string; amountKop: number; paidKop: number; deliveredOn: string | null }[];
  }[];
  payments: { paidOn: string; amountKop: number; source: string }[];
}

export const accountsChannels = {
  'accounts.search': read<Page<AccountRow>>()(z.object({ query: text(100).default(''), ...paging })),
  'accounts.card': read<AccountCard>()(z.object({ accountId: id })),
  'points.search': read<PointSearchRow[]>()(z.object({ query: text(100), limit: z.number().int().min(1).max(100).default(20) })),
};
