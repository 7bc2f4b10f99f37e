// A copy of the whole database reads and writes every page (seconds on a large district, and a
// final fsync of the copy), so it runs beside the app: the operator's requests never wait behind it.
import { parentPort, workerData } from 'node:worker_threads';
import { copyConsistently } from '../db/backups';
import { mirrorPhotos } from '../db/photo-backups';

const { source, target, photosMirroredIn } = workerData as { source: string; target: string; photosMirroredIn: string | null };
copyConsistently(source, target)
  .then(() => (photosMirroredIn === null ? undefined : mirrorPhotos(source, photosMirroredIn)))
  .then(
    () => parentPort?.postMessage(null),
    (error: unknown) => parentPort?.postMessage(error instanceof Error ? error.message : String(error)),
  );
