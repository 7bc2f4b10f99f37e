import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './src-main/bench/web-process';

/**
 * Browser mode against Debian's Chromium. Global set-up seeds one template district; each spec file
 * gets its own copy and web host (tests/e2e/fixtures.ts), so files run side by side in any order
 * while the tests inside a file run one after another.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/support/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // CI machines have 2 cores.
  workers: 2,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1400, height: 900 },
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    locale: 'uk-UA',
    trace: 'retain-on-failure',
  },
});
