import type { HostEntries } from '../host-channels';
import type { HostLog } from '../logging';

/** A screen that failed to draw says so; the line goes to the log file beside the database. */
export const workstationDiagnostics = (log: HostLog): Pick<HostEntries, 'log.rendererError'> => ({
  'log.rendererError': ({ screen, message, stack }) => {
    log.error(`screen ${screen} failed: ${message}\n${stack}`);
    return Promise.resolve({ logged: true });
  },
});
