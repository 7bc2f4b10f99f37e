import { z } from 'zod';
import { channel } from './define';

export interface AppInfo {
  version: string;
  branchName: string;
  counts: { accounts: number; points: number; routes: number };
}

export const metaChannels = {
  'meta.info': channel<AppInfo>()(z.object({})),
};
