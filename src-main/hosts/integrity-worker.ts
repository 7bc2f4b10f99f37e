// integrity_check reads the whole file (minutes on a large district), so it runs beside the app.
import { parentPort, workerData } from 'node:worker_threads';
import { integrityOf } from '../db/backups';

parentPort?.postMessage(integrityOf((workerData as { file: string }).file));
