import { z } from 'zod';
import { read } from './define';

export interface AppInfo {
  version: string;
  branchName: string;
  counts: { accounts: number; points: number; routes: number };
}

export const metaChannels = {
  'meta.info': read<AppInfo>()(z.object({})),
};
