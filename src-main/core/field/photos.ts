import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fieldPhotoMaxBytes } from '../../../shared/contract/field';
import type { Db } from '../../db/open';
import { auditTrail } from '../audit/trail';
import { DomainError, found } from '../errors';
import type { FieldCaller } from './service';

/** The image kinds a phone sends, by their first bytes: the Content-Type header is the sender's word only. */
export function imageKind(bytes: Buffer): { mime: string; extension: string } | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { mime: 'image/jpeg', extension: 'jpg' };
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return { mime: 'image/png', extension: 'png' };
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP')
    return { mime: 'image/webp', extension: 'webp' };
  return null;
}

export interface PhotoRow {
  id: number;
  clientId: string;
  positionId: number;
  seq: number;
  takenAt: string;
  bytes: number;
  mime: string;
  sentBy: string;
  taskDate: string;
  routeNumber: number;
}

/**
 * Photos of meters, kept as files in the `photos` folder beside the database (one folder a month,
 * named by the phone's client id) and referenced from the `photos` table; backups copy the folder.
 * A file is written whole under a temporary name and renamed, so a half-written photo never shows.
 */
export function fieldPhotos(db: Db, photosDir: string | null) {
  const audit = auditTrail(db);
  const known = db.prepare<[string], { positionId: number }>('SELECT position_id AS positionId FROM photos WHERE client_id = ?');
  const position = db.prepare<[number], { pointId: number; executorId: number | null }>(
    'SELECT tp.point_id AS pointId, t.executor_id AS executorId FROM task_positions tp JOIN walk_tasks t ON t.id = tp.task_id WHERE tp.id = ?',
  );
  const insert = db.prepare(
    `INSERT INTO photos (client_id, point_id, position_id, file, bytes, mime, taken_at, sent_by)
     VALUES (@clientId, @pointId, @positionId, @file, @bytes, @mime, @takenAt, @sentBy)`,
  );
  const select = `SELECT ph.id, ph.client_id AS clientId, ph.position_id AS positionId, tp.seq, ph.taken_at AS takenAt, ph.bytes, ph.mime,
      ph.sent_by AS sentBy, t.task_date AS taskDate, t.route_number AS routeNumber
    FROM photos ph JOIN task_positions tp ON tp.id = ph.position_id JOIN walk_tasks t ON t.id = tp.task_id`;
  const ofPoint = db.prepare<[number], PhotoRow>(`${select} WHERE ph.point_id = ? ORDER BY ph.taken_at DESC, ph.id DESC`);
  const byClientId = db.prepare<[string], PhotoRow & { file: string }>(
    `${select.replace('SELECT ph.id', 'SELECT ph.file, ph.id')} WHERE ph.client_id = ?`,
  );

  return {
    /** Takes one photo in: the caller's own position, an image by its bytes, within the size cap; once per client id. */
    receive(caller: FieldCaller, clientId: string, meta: { positionId: number; takenAt: string }, bytes: Buffer) {
      if (!photosDir) throw new DomainError('photo.noFolder');
      const target = position.get(meta.positionId);
      if (!target || target.executorId !== caller.employeeId) throw new DomainError('field.notYourPosition', { position: meta.positionId });
      const previous = known.get(clientId);
      if (previous) {
        if (previous.positionId !== meta.positionId) throw new DomainError('field.clientIdReused');
        return { photoId: clientId, status: 'duplicate' as const };
      }
      if (bytes.length > fieldPhotoMaxBytes) throw new DomainError('photo.tooLarge', { kb: Math.round(fieldPhotoMaxBytes / 1024) });
      const kind = imageKind(bytes);
      if (!kind) throw new DomainError('photo.notImage');
      const month = meta.takenAt.slice(0, 7);
      const file = `${month}/${clientId}.${kind.extension}`;
      mkdirSync(join(photosDir, month), { recursive: true });
      const path = join(photosDir, file);
      writeFileSync(`${path}.part`, bytes);
      renameSync(`${path}.part`, path);
      const id = Number(
        insert.run({
          clientId,
          pointId: target.pointId,
          positionId: meta.positionId,
          file,
          bytes: bytes.length,
          mime: kind.mime,
          takenAt: meta.takenAt,
          sentBy: caller.login,
        }).lastInsertRowid,
      );
      audit({
        login: caller.login,
        channel: 'field.photo',
        action: 'create',
        entity: 'photo',
        entityId: id,
        oldValue: null,
        newValue: { clientId, positionId: meta.positionId, bytes: bytes.length, file },
      });
      return { photoId: clientId, status: 'new' as const };
    },
    ofPoint: (pointId: number): PhotoRow[] => ofPoint.all(pointId),
    /** The photo as a data URL for the screen (the renderer's CSP allows data: images, nothing remote). */
    image(clientId: string): { dataUrl: string; row: PhotoRow } {
      const { file, ...row } = found(byClientId.get(clientId), 'notFound.photo');
      const path = photosDir ? join(photosDir, file) : null;
      if (!path || !existsSync(path)) throw new DomainError('photo.fileMissing', { file });
      return { dataUrl: `data:${row.mime};base64,${readFileSync(path).toString('base64')}`, row };
    },
  };
}

export type FieldPhotos = ReturnType<typeof fieldPhotos>;
