// Child process of the migration test: opens a database with one extra migration that writes a lot,
// says "half-way" while its transaction is still open, and then waits to be killed.
import { writeSync } from 'node:fs';
import { openDatabase } from '../../src-main/db/open';
import { latestVersion, migrations } from '../../src-main/db/migrations/index';

const [file] = process.argv.slice(2) as [string];
const slow = {
  version: latestVersion() + 1,
  name: 'slow-test-migration',
  up: (db: Parameters<Extract<(typeof migrations)[number], { up: unknown }>['up']>[0]) => {
    db.exec('CREATE TABLE migration_probe (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)');
    db.exec("UPDATE settlements SET name = name || ' (змінено)'");
    const insert = db.prepare('INSERT INTO migration_probe (payload) VALUES (?)');
    // More than SQLite's page cache holds, so uncommitted pages spill into the WAL before the kill.
    for (let i = 0; i < 60_000; i++) insert.run(`${i}:${'x'.repeat(200)}`);
    writeSync(1, 'half-way\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  },
};
openDatabase(file, { migrations: [...migrations, slow] });
