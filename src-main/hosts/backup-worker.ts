// A copy of the whole database reads and writes every page (seconds on a large district, and a
// final fsync of the copy), so it runs beside the app: the operator's requests never wait behind it.
import { parentPort, workerData } from 'node:worker_threads';
import { copyConsistently } from '../db/backups';

const { source, target } = workerData as { source: string; target: string };
copyConsistently(source, target).then(
  () => parentPort?.postMessage(null),
  (error: unknown) => parentPort?.postMessage(error instanceof Error ? error.message : String(error)),
);
