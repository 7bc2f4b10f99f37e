import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../core/app';
import { openDatabase } from '../db/open';
import { rawPageServer, rawUsersPath } from './browser-startup';
import { startWebMain } from './web-process';

const dir = mkdtempSync(join(tmpdir(), 'obhid-raw-page-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the start-up's raw page, the floor beside startup.ready_ms", () => {
  it('starts like the host, answers the users count from the same database and serves a page that draws the sign-in form', async () => {
    const dbFile = join(dir, 'district.sqlite');
    const db = openDatabase(dbFile);
    const core = createCore(db, { version: 'test', signedIn: { login: 'bench', fullName: 'Benchmark', role: 'admin' } });
    for (const login of ['first', 'second'])
      expect(core.dispatch('users.save', { login, password: 'password-1', fullName: login, role: 'operator' }, 'uk').ok).toBe(true);
    db.close();

    const server = startWebMain(rawPageServer(dir), dbFile);
    try {
      const url = await server.url;
      const count = (await (await fetch(new URL(rawUsersPath, url))).json()) as { users: number };
      expect(count).toEqual({ users: 2 });
      const page = await (await fetch(url)).text();
      // The form is drawn by the page's script once the count is in, with the same test id the host's form has.
      expect(page).toContain(`fetch("${rawUsersPath}")`);
      expect(page).toContain('data-testid="auth-form"');
      expect(page).toMatch(/name="login".*type="password".*<button/s);
    } finally {
      await server.stop();
    }
  });
});
