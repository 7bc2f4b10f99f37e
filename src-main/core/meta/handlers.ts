import type { metaChannels } from '../../../shared/contract/meta';
import type { Db } from '../../db/open';
import type { Handlers } from '../registry';

export function metaHandlers(db: Db, version: string): Handlers<keyof typeof metaChannels> {
  const counts = db.prepare<[], { accounts: number; points: number; routes: number }>(`SELECT
    (SELECT count(*) FROM accounts) AS accounts, (SELECT count(*) FROM metering_points) AS points,
    (SELECT count(*) FROM routes) AS routes`);
  const setting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  return {
    'meta.info': () => ({
      version,
      branchName: setting.get('branch.name')?.value ?? '',
      counts: counts.get()!,
    }),
  };
}
