import { constants, createRequire, enableCompileCache, flushCompileCache } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Linux's /tmp is shared by the machine's users (Windows gives each their own): one folder each, so none is refused another's. */
const userSuffix = () => (process.getuid ? `-${process.getuid()}` : '');

/**
 * Where V8 keeps the compiled code of the host bundles between starts: a folder of the app's own
 * in the user's temp folder, as Node itself would choose. Not beside the database: the cache holds
 * only our code, never the district's data, so it has no place among the files an office backs up
 * and copies, and losing it (the system clearing its temp folder) costs one slower start, nothing
 * more. NODE_COMPILE_CACHE, when set, still decides, as it does for any Node program.
 */
export const compileCacheDir = () => process.env.NODE_COMPILE_CACHE || join(tmpdir(), `obhid-compile-cache${userSuffix()}`);

export type CompileCacheOutcome = 'enabled' | 'already' | 'failed' | 'disabled' | 'skipped';

/**
 * Turns Node's on-disk compile cache on (Node ≥ 22.1; Electron ≥ 40 carries Node 24) for whatever
 * is loaded after it. Never throws: a cache that cannot be used only leaves the start as slow as
 * without it. An AppImage is mounted at a new path at every launch and the cache is keyed by the
 * file's path, so there it would only pile up entries that are never read again: it stays off.
 */
export function startCompileCache(dir = compileCacheDir(), env: NodeJS.ProcessEnv = process.env): CompileCacheOutcome {
  if (env.APPIMAGE) return 'skipped';
  const { status } = enableCompileCache(dir);
  const statuses = constants.compileCacheStatus;
  if (status === statuses.ENABLED) return 'enabled';
  if (status === statuses.ALREADY_ENABLED) return 'already';
  return status === statuses.DISABLED ? 'disabled' : 'failed';
}

/**
 * What a host's entry file does: the cache first, then the host bundle beside it, so the bundle's
 * 4 MB are compiled once and read back from the cache at every later start. (The entry file itself
 * is a few lines: the cache cannot cover the file that turns it on.)
 */
export function runWithCompileCache(entryFile: string, bundle: string): void {
  const cached = startCompileCache() === 'enabled';
  createRequire(entryFile)(bundle);
  // Written now rather than at exit, which an Electron app.exit() or a killed process may never
  // reach; when the bundle came from the cache there is nothing new and this writes nothing.
  if (cached) flushCompileCache();
}
