import { z } from 'zod';
import { channel } from './define';
import { id, isoDate } from './common';

/** One entered position as the billing system takes it back. */
export interface ExportedReading {
  accountNumber: string;
  pointId: number;
  meterSerial: string | null;
  routeNumber: number;
  taskId: number;
  taskDate: string;
  seq: number;
  status: 'executed' | 'not_executed';
  checkedOn: string | null;
  value: number | null;
  consumption: number | null;
  reasonCode: number | null;
  reason: string | null;
  overMaxAccepted: boolean;
  belowPreviousConfirmed: boolean;
  rollover: boolean;
  problems: string;
  note: string;
  enteredBy: string | null;
  enteredAt: string | null;
}

export const exportFilter = z.object({
  dateFrom: isoDate,
  dateTo: isoDate,
  routeId: id.nullable().default(null),
  taskId: id.nullable().default(null),
});

export const exchangeChannels = {
  'readings.export': channel<ExportedReading[]>()(exportFilter),
};

/** The file itself is made by the host: XLSX writing is asynchronous work beside the core. */
export const exchangeHostChannels = {
  'export.readingsFile': channel<{ fileName: string; base64: string; rows: number }>()(
    exportFilter.extend({ format: z.enum(['csv', 'xlsx']) }),
  ),
};
