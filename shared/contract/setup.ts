import { z } from 'zod';
import { write } from './define';

/** Served by the host, which knows where the demo district shipped with the app lies. */
export const setupChannels = {
  /** First start only: the demo district goes into an empty database when the administrator chooses it. */
  'demo.load': write<{ accounts: number; points: number; routes: number }>()(z.object({})),
};
