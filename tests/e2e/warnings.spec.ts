import { localToday } from '../../shared/dates';
import { shiftDays, warningRules } from '../../src-main/core/disconnection/warning-rules';
import { arrange, expect, test } from './fixtures';
import { TaskForming } from './pages/task-forming';
import { Workstation } from './pages/workstation';
import { warningRoute } from './warning-routes';

test('a master forms a task with both warnings by keyboard; the status says how many, the database holds them', async ({
  app,
  db,
  district,
}) => {
  const today = localToday();
  const { route, points } = warningRoute(db);
  // The demo district has no refused visits: one point gets two, in two tasks, and no control reading in the window.
  const refuser = points[0]!;
  arrange(district, "DELETE FROM readings WHERE point_id = ? AND kind = 'control' AND taken_on >= ?", refuser, shiftDays(today, -60));
  for (const visited of [shiftDays(today, -30), shiftDays(today, -10)]) {
    arrange(
      district,
      `INSERT INTO walk_tasks (route_id, task_date, criteria, sort_order, route_number, route_name) VALUES (?, ?, '{}', 'address', ?, ?)`,
      route.id,
      visited,
      route.number,
      route.name,
    );
    arrange(
      district,
      `INSERT INTO task_positions (task_id, seq, point_id, account_id, account_number, full_name, address, status, reason_code, checked_on)
       SELECT (SELECT max(id) FROM walk_tasks), 1, p.id, p.account_id, a.number, a.full_name, 'адреса', 'not_executed', 1, ?
       FROM metering_points p JOIN accounts a ON a.id = p.account_id WHERE p.id = ?`,
      visited,
      refuser,
    );
  }
  // What the rules say before the form is sent: the screen must form exactly these.
  const rules = warningRules(db);
  const expected = {
    nonPayment: rules.nonPayment(points, today, rules.settings()).length,
    nonAdmittance: rules.nonAdmittance(points, today, rules.settings()).length,
  };
  expect(expected.nonPayment).toBeGreaterThan(0);
  expect(expected.nonAdmittance).toBe(1);

  const forming = new TaskForming(app);
  const { status } = new Workstation(app);
  await forming.open();
  await forming.chooseRoute(route);
  await forming.withBothWarnings();
  await forming.execute();
  await expect(status).toHaveText(
    new RegExp(`Сформовано попереджень: за несплату — ${expected.nonPayment}, за недопуск — ${expected.nonAdmittance}\\.$`),
  );
  const task = db.prepare<[number], { id: number }>('SELECT max(id) AS id FROM walk_tasks WHERE route_id = ?').get(route.id)!;
  const stored = db
    .prepare<[number, string], { kind: string; n: number }>(
      `SELECT kind, count(*) AS n FROM disconnection_warnings WHERE task_id = ? AND status = 'formed' AND as_of = ?
       GROUP BY kind ORDER BY kind`,
    )
    .all(task.id, today);
  expect(stored).toEqual([
    { kind: 'non_admittance', n: expected.nonAdmittance },
    { kind: 'non_payment', n: expected.nonPayment },
  ]);
  expect(
    db
      .prepare<[number], { pointId: number }>(
        "SELECT point_id AS pointId FROM disconnection_warnings WHERE kind = 'non_admittance' AND point_id = ?",
      )
      .get(refuser),
  ).toEqual({ pointId: refuser });
});
