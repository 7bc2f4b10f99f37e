import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { startWebMain } from '../../src-main/bench/web-process';

/** What global set-up hands the workers: the seeded template and the folder the copies go in. */
export const templateEnv = { file: 'OBHID_E2E_TEMPLATE', dir: 'OBHID_E2E_DIR' } as const;

/** One spec file's own district: a copy of the template served by its own browser-mode host. */
export interface DistrictHost {
  /** The spec file it belongs to. */
  readonly specFile: string;
  readonly dbFile: string;
  readonly url: string;
  stop: () => Promise<void>;
}

function fromEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through \`npx playwright test\` (global setup).`);
  return value;
}

/**
 * Copies the template (closed and checkpointed by global set-up, so the file alone is the whole
 * database) into a folder of its own, since backups go beside the database, and serves it.
 */
export async function startDistrictHost(specFile: string): Promise<DistrictHost> {
  const template = fromEnv(templateEnv.file);
  if (existsSync(`${template}-wal`)) throw new Error(`The template ${template} still has a -wal file: it was not closed.`);
  const dir = mkdtempSync(join(fromEnv(templateEnv.dir), `${basename(specFile, '.spec.ts')}-`));
  const dbFile = join(dir, 'district.sqlite');
  copyFileSync(template, dbFile);
  const host = startWebMain(resolve('build/main/web-main.cjs'), dbFile);
  let url: string;
  try {
    url = await host.url;
  } catch (error) {
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    specFile,
    dbFile,
    url,
    async stop() {
      await host.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A worker's districts: one spec file at a time, since a worker runs a file's tests in a row. The
 * host of the file before is stopped as soon as the worker moves on to another file.
 */
export class WorkerDistricts {
  private current: Promise<DistrictHost> | null = null;

  async for(specFile: string): Promise<DistrictHost> {
    if (this.current) {
      const host = await this.current.catch(() => null);
      if (host?.specFile === specFile) return host;
      this.current = null;
      await host?.stop();
    }
    this.current = startDistrictHost(specFile);
    return this.current;
  }

  async close(): Promise<void> {
    const host = await this.current?.catch(() => null);
    this.current = null;
    await host?.stop();
  }
}
