import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { listBackups } from '../db/backups';
import { chromiumPdf } from '../hosts/web/chromium-pdf';
import { copyInWorker } from '../hosts/workstation/backups';
import { openWorkstation } from '../hosts/workstation/index';
import { medianOfRunsAsync, round, wholeJobRuns, type Figure } from './figures';

const quietLog = {
  info: () => undefined,
  error: (error: unknown) => console.error(error),
  refused: () => undefined,
};

/**
 * The copies made at start and close, on the district's database as a workstation opens it:
 * how long a copy takes (written in a worker, as the hosts write it), how much of the host's main
 * thread the start copy takes while it runs beside, and whether a close and the next start write
 * a copy when nothing was written between them. The database must be closed by everyone else.
 */
export async function backupFigures(dbFile: string, sizeLabel: string): Promise<Figure[]> {
  const target = join(dirname(dbFile), 'bench-copy.sqlite');
  const copy = await medianOfRunsAsync(async () => {
    rmSync(target, { force: true });
    await copyInWorker(dbFile, target);
  });
  rmSync(target, { force: true });

  const backupsDir = join(dirname(dbFile), 'backups');
  const copiesBefore = listBackups(backupsDir).length;
  const open = () =>
    openWorkstation({
      dbFile,
      version: 'bench',
      log: quietLog,
      demoFile: join(dirname(dbFile), 'no-demo.sqlite'),
      toPdf: chromiumPdf,
      // integrity_check runs in a worker of its own at every start; left out here, so the figure is the copy's.
      checkIntegrity: () => Promise.resolve('ok'),
    });
  const station = open();
  const opened = performance.now();
  const idle = performance.eventLoopUtilization();
  await station.started;
  const held = performance.eventLoopUtilization(idle).active;
  const written = performance.now() - opened;
  const copiedAtStart = listBackups(backupsDir).length - copiesBefore;
  await station.close();
  const again = open();
  await again.started;
  await again.close();
  const unchanged = listBackups(backupsDir).length - copiesBefore - copiedAtStart;
  if (copiedAtStart !== 1) throw new Error(`backup bench: ${copiedAtStart} copies at the first start, 1 expected`);

  return [
    {
      name: `backup.${sizeLabel}_db_s`,
      value: round(copy.ms / 1000, 2),
      unit: 's',
      note: `median of ${wholeJobRuns}: a copy of the whole database as at start and close (SQLite's backup API in one step, in a worker, through a connection of its own)`,
    },
    {
      name: 'backup.start_main_thread_ms',
      value: round(held, 1),
      unit: 'ms',
      note: `the host's main thread busy while its start copy was written beside (${round(written / 1000, 1)} s after opening): all a request could wait behind the copy; goal 0`,
    },
    {
      name: 'backup.unchanged_copies',
      value: unchanged,
      unit: 'copies',
      note: 'copies written at a close and at the next start and close with nothing written between them; goal 0',
    },
  ];
}
