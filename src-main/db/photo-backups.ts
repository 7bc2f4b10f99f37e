import { existsSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Photos from phones are files beside the database (`photos/`), never changed once written: the
 * backups folder keeps one mirror of them (`backups/photos/`), topped up with each copy of the
 * database, which serves every copy — a restored database finds the photos its rows name.
 */
export const photosBeside = (dbFile: string) => join(dirname(dbFile), 'photos');

/** Copies the photos not yet in the mirror; a file already there is left as it is. */
export async function mirrorPhotos(dbFile: string, backupsDir: string): Promise<void> {
  const source = photosBeside(dbFile);
  if (existsSync(source)) await cp(source, join(backupsDir, 'photos'), { recursive: true, force: false, errorOnExist: false });
}

/** After a restore: the photos the restored database may name, from the mirror, where missing beside it. */
export async function restorePhotos(backupsDir: string, dbFile: string): Promise<void> {
  const mirror = join(backupsDir, 'photos');
  if (existsSync(mirror)) await cp(mirror, photosBeside(dbFile), { recursive: true, force: false, errorOnExist: false });
}
