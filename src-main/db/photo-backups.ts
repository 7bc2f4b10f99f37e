import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Photos from phones are files beside the database (`photos/`), never changed once written: the
 * backups folder keeps one mirror of them (`backups/photos/`), topped up with each copy of the
 * database, which serves every copy — a restored database finds the photos its rows name.
 */
export const photosBeside = (dbFile: string) => join(dirname(dbFile), 'photos');

/** A photo being copied; renamed to its own name once whole, so a copy cut short is copied again. */
const partial = '.part';

/**
 * Copies the files of `from` (and of its folders) that `to` does not have yet. Which are missing
 * is found from the two folders' listings: a district's photos run to tens of thousands, and
 * looking at each one (as fs.cp does) kept the main thread busy at every start and close.
 */
async function copyMissing(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { withFileTypes: true });
  const present = new Set(existsSync(to) ? await readdir(to) : []);
  const missing = entries.filter((entry) => entry.isFile() && !entry.name.endsWith(partial) && !present.has(entry.name));
  if (missing.length > 0) await mkdir(to, { recursive: true });
  for (const { name } of missing) {
    await copyFile(join(from, name), join(to, name + partial));
    await rename(join(to, name + partial), join(to, name));
  }
  for (const entry of entries) if (entry.isDirectory()) await copyMissing(join(from, entry.name), join(to, entry.name));
}

/** Copies the photos not yet in the mirror; a file already there is left as it is. */
export async function mirrorPhotos(dbFile: string, backupsDir: string): Promise<void> {
  const source = photosBeside(dbFile);
  if (existsSync(source)) await copyMissing(source, join(backupsDir, 'photos'));
}

/** After a restore: the photos the restored database may name, from the mirror, where missing beside it. */
export async function restorePhotos(backupsDir: string, dbFile: string): Promise<void> {
  const mirror = join(backupsDir, 'photos');
  if (existsSync(mirror)) await copyMissing(mirror, photosBeside(dbFile));
}
