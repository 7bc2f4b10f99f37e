import { z } from 'zod';
import { read, write } from './define';

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
  'backups.status': read<{
    dataFile: string;
    backupsDir: string; /** 'checking', 'ok', or what integrity_check found wrong. */
    integrity: string;
    backups: BackupRow[];
  }>()(z.object({})),
  'backups.inspect': read<BackupPreview>()(z.object({ file })),
  'backups.create': write<BackupRow>()(z.object({ file: file.optional() })),
  'backups.restore': write<{ restored: BackupPreview; safetyCopy: string | null }>()(z.object({ file })),
};
