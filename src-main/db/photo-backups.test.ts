import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mirrorPhotos, restorePhotos } from './photo-backups';

const root = mkdtempSync(join(tmpdir(), 'obhid-photo-backups-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('photos in backups', () => {
  it('are mirrored beside the copies, and a restore brings back the ones missing beside the database', async () => {
    const dbFile = join(root, 'obhid.sqlite');
    const backups = join(root, 'backups');
    const photo = (name: string, content: string) => {
      mkdirSync(join(root, 'photos', '2026-11'), { recursive: true });
      writeFileSync(join(root, 'photos', '2026-11', name), content);
    };
    // No photos yet: nothing to mirror, and no folder made for them.
    await mirrorPhotos(dbFile, backups);
    photo('a.jpg', 'first');
    await mirrorPhotos(dbFile, backups);
    photo('b.jpg', 'second');
    await mirrorPhotos(dbFile, backups);
    expect(readFileSync(join(backups, 'photos', '2026-11', 'a.jpg'), 'utf8')).toBe('first');
    expect(readFileSync(join(backups, 'photos', '2026-11', 'b.jpg'), 'utf8')).toBe('second');

    // A photo is never rewritten: the mirror keeps what it has.
    writeFileSync(join(root, 'photos', '2026-11', 'a.jpg'), 'changed on disk');
    await mirrorPhotos(dbFile, backups);
    expect(readFileSync(join(backups, 'photos', '2026-11', 'a.jpg'), 'utf8')).toBe('first');

    // A copy cut short is copied again whole; what is left of it is never taken for a photo.
    writeFileSync(join(root, 'photos', '2026-11', 'c.jpg'), 'third');
    writeFileSync(join(backups, 'photos', '2026-11', 'c.jpg.part'), 'thi');
    await mirrorPhotos(dbFile, backups);
    expect(readFileSync(join(backups, 'photos', '2026-11', 'c.jpg'), 'utf8')).toBe('third');
    expect(existsSync(join(backups, 'photos', '2026-11', 'c.jpg.part'))).toBe(false);

    rmSync(join(root, 'photos', '2026-11', 'b.jpg'));
    await restorePhotos(backups, dbFile);
    expect(readFileSync(join(root, 'photos', '2026-11', 'b.jpg'), 'utf8')).toBe('second');
    expect(readFileSync(join(root, 'photos', '2026-11', 'a.jpg'), 'utf8')).toBe('changed on disk');
  });
});
