import type { Migration } from './migration';

/**
 * Disconnection warnings (docs/domain.md, "Disconnection warnings"), and as much of disconnection
 * orders as the warning rules read: whether a point sits in an order still «Новий». The orders'
 * own workflow (outcomes, seals, readings at cut-off) adds its columns when it is built.
 *
 * A warning keeps what it was formed for — the debt by period, or the refused visits — because the
 * notice prints that, and a later payment or visit must not rewrite a paper already handed out.
 * At most one warning of a kind is in force (formed or issued) per point: the partial unique index
 * makes forming twice on one day structurally unable to duplicate.
 */
export const disconnectionWarnings: Migration = {
  version: 9,
  name: 'disconnection-warnings',
  sql: `
CREATE TABLE disconnection_orders (
  id INTEGER PRIMARY KEY,
  route_id INTEGER REFERENCES routes(id),
  -- "<route number>, <route name>" as the order was formed; a renamed route keeps old orders' names
  name TEXT NOT NULL,
  order_date TEXT NOT NULL,
  -- 'new' until every position has an outcome
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'done')),
  created_by TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX disconnection_orders_by_status ON disconnection_orders(status, order_date);

CREATE TABLE order_positions (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES disconnection_orders(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  point_id INTEGER NOT NULL REFERENCES metering_points(id),
  -- NULL until recorded
  outcome TEXT CHECK (outcome IN ('done', 'not_done')),
  UNIQUE (order_id, seq)
);
CREATE INDEX order_positions_by_point ON order_positions(point_id);

CREATE TABLE disconnection_warnings (
  id INTEGER PRIMARY KEY,
  point_id INTEGER NOT NULL REFERENCES metering_points(id),
  kind TEXT NOT NULL CHECK (kind IN ('non_payment', 'non_admittance')),
  status TEXT NOT NULL DEFAULT 'formed' CHECK (status IN ('formed', 'issued', 'executed', 'cancelled')),
  -- the form's date the rules were applied as of
  as_of TEXT NOT NULL,
  -- the walk task it was formed with; a deleted task leaves its warnings standing
  task_id INTEGER REFERENCES walk_tasks(id) ON DELETE SET NULL,
  -- non-payment: the unpaid total and, as JSON [{period, unpaidKop}], what the notice prints
  debt_kop INTEGER,
  debt_periods TEXT,
  -- non-admittance: JSON array of the refused visits' dates
  refused_visits TEXT,
  issued_how TEXT CHECK (issued_how IN ('in_hand', 'mail')),
  issued_on TEXT,
  received_on TEXT,
  earliest_cutoff_on TEXT,
  cancel_reason TEXT CHECK (cancel_reason IN ('paid', 'restructured', 'court', 'moratorium', 'operator')),
  cancel_note TEXT NOT NULL DEFAULT '',
  closed_on TEXT,
  formed_by TEXT,
  formed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (kind <> 'non_payment' OR (debt_kop IS NOT NULL AND debt_periods IS NOT NULL)),
  CHECK (kind <> 'non_admittance' OR refused_visits IS NOT NULL),
  CHECK ((issued_how IS NULL) = (issued_on IS NULL)),
  CHECK (status <> 'cancelled' OR cancel_reason IS NOT NULL)
);
CREATE INDEX disconnection_warnings_by_point ON disconnection_warnings(point_id, kind, status);
CREATE INDEX disconnection_warnings_by_status ON disconnection_warnings(status, as_of);
CREATE INDEX disconnection_warnings_by_task ON disconnection_warnings(task_id);
CREATE UNIQUE INDEX disconnection_warnings_one_in_force ON disconnection_warnings(point_id, kind)
  WHERE status IN ('formed', 'issued');

INSERT INTO settings (key, value) VALUES
  ('warnings.billAgeDays', '20'),
  ('warnings.nonAdmittance.windowDays', '60'),
  ('warnings.nonAdmittance.visits', '2');
`,
};
