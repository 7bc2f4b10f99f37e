import { existsSync } from 'node:fs';
import { openDatabase, type Db } from '../db/open';
import { createSeededDatabase, demoDefaults, todayIso } from '../seed/create-database';

/** Opens the workstation's database; on the very first run there is none, so a demo district is made. */
export function openOrCreateDemo(file: string, log: (line: string) => void): Db {
  if (!existsSync(file)) {
    log(`Створюю демонстраційну базу (${demoDefaults.accounts} о/р): ${file}`);
    createSeededDatabase(file, { ...demoDefaults, asOf: todayIso() });
  }
  return openDatabase(file);
}
