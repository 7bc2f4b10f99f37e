import { readFileSync } from 'node:fs';
import { logFileFor } from '../../src-main/hosts/logging';
import { expect, test } from './fixtures';
import { RoutesList } from './pages/routes-list';
import { ScreenError } from './pages/screen-error';
import { Workstation } from './pages/workstation';

test('a screen that fails to draw fails alone: the menu and other screens work, the log hears of it', async ({ app, district }) => {
  // The routes list answers with a row the screen cannot draw, as a bug in an answer would.
  await app.route('**/api/rpc', async (route) => {
    if ((route.request().postDataJSON() as { channel?: string }).channel !== 'routes.list') return route.fallback();
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value: { rows: [null], total: 1 } }) });
  });
  const workstation = new Workstation(app);
  const { op } = workstation;
  const failed = new ScreenError(app);

  await op.menu('Довідники', 'Маршрути');
  await expect(failed.panel).toContainText('Цей екран не вдалося показати. Дані не змінено');
  await expect(failed.back).toBeFocused();
  await op.press('Enter');
  await expect(workstation.homeCounts).toBeVisible();

  await op.menu('Довідники', 'Дільниці');
  await expect(app.getByRole('heading', { name: 'Дільниці' })).toBeVisible();
  await expect(app.getByTestId('sections-table').getByRole('row').nth(1)).toBeVisible();
  await expect.poll(() => readFileSync(logFileFor(district.dbFile), 'utf8')).toMatch(/screen routes failed: .*null/);

  // With the answer mended the same screen draws again.
  await app.unroute('**/api/rpc');
  await op.menu('Довідники', 'Маршрути');
  const routes = new RoutesList(app);
  await expect(routes.heading).toBeVisible();
  await expect(failed.panel).toBeHidden();
});
