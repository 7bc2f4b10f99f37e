import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './src-main/bench/web-process';

/** Browser mode against Debian's Chromium; one web host over a seeded district for the whole run. */
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/support/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1400, height: 900 },
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    locale: 'uk-UA',
    trace: 'retain-on-failure',
  },
});
