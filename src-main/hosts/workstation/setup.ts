import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { DomainError } from '../../core/errors';
import type { HostEntries } from '../host-channels';
import type { Session } from './session';

/**
 * First start: the demo district, when the administrator chooses it, from the file built with the
 * app beside it. The session's database must be empty of accounts; real data is never mixed in.
 */
export function workstationSetup(session: Session, demoFile: string): Pick<HostEntries, 'demo.load'> {
  return {
    'demo.load': {
      audit: { entity: 'demo', action: 'create', id: () => null },
      run: () => {
        if (!existsSync(demoFile)) throw new DomainError('demo.missing', { file: demoFile });
        const core = session.openCore();
        return Promise.resolve(() => {
          const source = new Database(demoFile, { readonly: true, fileMustExist: true });
          try {
            return core.services.demoDistrict(source);
          } finally {
            source.close();
          }
        });
      },
    },
  };
}
