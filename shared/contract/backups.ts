import { z } from 'zod';
import { channel } from './define';

export interface BackupRow {
  file: string;
  createdAt: string;
  bytes: number;
  reason: string;
}

export interface BackupPreview {
  file: string;
  createdAt: string;
  bytes: number;
  schema: number;
  integrity: string;
  counts: { accounts: number; points: number; readings: number; tasks: number };
}

const file = z.string().trim().min(1).max(1000);

/** Backups are the host's: it owns the database file, closes it and opens another in its place. */
export const backupsChannels = {
  'backups.status': channel<{
    dataFile: string;
    backupsDir: string; /** 'checking', 'ok', or what integrity_check found wrong. */
    integrity: string;
    backups: BackupRow[];
  }>()(z.object({})),
  'backups.inspect': channel<BackupPreview>()(z.object({ file })),
  'backups.create': channel<BackupRow>()(z.object({ file: file.optional() })),
  'backups.restore': channel<{ restored: BackupPreview; safetyCopy: string | null }>()(z.object({ file })),
};
