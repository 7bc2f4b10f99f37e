import { z } from 'zod';
import { read } from './define';
import { text } from './common';

/** Served by the host, which owns the log file beside the database. */
export const diagnosticsChannels = {
  /** A screen that failed to draw says so here; open to the sign-in screens too, so it is size-capped. */
  'log.rendererError': read<{ logged: true }>()(z.object({ screen: text(100), message: text(2000), stack: text(8000).default('') })),
};
