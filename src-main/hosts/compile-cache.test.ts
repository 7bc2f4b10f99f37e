import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { getCompileCacheDir } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileCacheDir, runWithCompileCache, startCompileCache } from './compile-cache';

const dir = mkdtempSync(join(tmpdir(), 'obhid-compile-cache-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every file under the folder, however deep Node nests them. */
const filesUnder = (folder: string) => readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());

describe("the hosts' compile cache", () => {
  it("lives in an app-named folder of the user's temp folder unless NODE_COMPILE_CACHE says otherwise", () => {
    const before = process.env.NODE_COMPILE_CACHE;
    delete process.env.NODE_COMPILE_CACHE;
    expect(compileCacheDir()).toBe(join(tmpdir(), process.getuid ? `obhid-compile-cache-${process.getuid()}` : 'obhid-compile-cache'));
    process.env.NODE_COMPILE_CACHE = join(dir, 'chosen');
    expect(compileCacheDir()).toBe(join(dir, 'chosen'));
    if (before === undefined) delete process.env.NODE_COMPILE_CACHE;
    else process.env.NODE_COMPILE_CACHE = before;
  });

  it('stays off in an AppImage, whose path changes at every launch', () => {
    expect(startCompileCache(join(dir, 'appimage'), { APPIMAGE: '/opt/Obhid.AppImage' })).toBe('skipped');
    expect(getCompileCacheDir()).toBeUndefined();
  });

  it('loads the host bundle beside the entry with the cache on and writes its compiled code at once', () => {
    const cache = join(dir, 'cache');
    const before = process.env.NODE_COMPILE_CACHE;
    process.env.NODE_COMPILE_CACHE = cache;
    try {
      writeFileSync(join(dir, 'host.cjs'), 'globalThis.obhidHostLoaded = (globalThis.obhidHostLoaded ?? 0) + 1;');
      runWithCompileCache(join(dir, 'entry.cjs'), './host.cjs');
      expect((globalThis as { obhidHostLoaded?: number }).obhidHostLoaded).toBe(1);
      expect(getCompileCacheDir()?.startsWith(cache)).toBe(true);
      expect(filesUnder(cache).length).toBeGreaterThan(0);
      // Once on, it stays on for the process: a second start says so instead of failing.
      expect(startCompileCache(join(dir, 'other'))).toBe('already');
    } finally {
      if (before === undefined) delete process.env.NODE_COMPILE_CACHE;
      else process.env.NODE_COMPILE_CACHE = before;
    }
  });
});
