import type { Migration } from './migration';

/**
 * Disconnection orders as a district works them (docs/domain.md, "Disconnection orders"): what
 * picked each order and each position, the act of a cut-off (when, who, the seal, the meter's
 * reading) or why it did not happen, and reconnection orders with their legal deadlines.
 *
 * A position keeps the consumer, address and debt as formed, as walk task positions do: the order
 * is a paper handed to a crew, and a later rename or payment must not rewrite it. Readings taken on
 * a point after its cut-off carry `after_disconnection` so the office sees energy used without a
 * supply contract.
 */
export const disconnectionOrders: Migration = {
  version: 10,
  name: 'disconnection-orders',
  sql: `
ALTER TABLE disconnection_orders ADD COLUMN route_number INTEGER;
ALTER TABLE disconnection_orders ADD COLUMN criterion TEXT NOT NULL DEFAULT 'warnings'
  CHECK (criterion IN ('warnings', 'debt', 'non_admittance'));
ALTER TABLE disconnection_orders ADD COLUMN debt_min_kop INTEGER;

ALTER TABLE order_positions ADD COLUMN basis TEXT NOT NULL DEFAULT 'non_payment'
  CHECK (basis IN ('non_payment', 'non_admittance', 'debt'));
ALTER TABLE order_positions ADD COLUMN warning_id INTEGER REFERENCES disconnection_warnings(id);
ALTER TABLE order_positions ADD COLUMN account_number TEXT NOT NULL DEFAULT '';
ALTER TABLE order_positions ADD COLUMN full_name TEXT NOT NULL DEFAULT '';
ALTER TABLE order_positions ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE order_positions ADD COLUMN debt_kop INTEGER;
-- the act: local date and time as the crew wrote it, who did it, the seal put on, the meter's reading
ALTER TABLE order_positions ADD COLUMN done_at TEXT;
ALTER TABLE order_positions ADD COLUMN executor_id INTEGER REFERENCES employees(id);
ALTER TABLE order_positions ADD COLUMN executor_name TEXT;
ALTER TABLE order_positions ADD COLUMN seal_number TEXT;
ALTER TABLE order_positions ADD COLUMN reading INTEGER CHECK (reading IS NULL OR reading >= 0);
ALTER TABLE order_positions ADD COLUMN not_done_reason TEXT
  CHECK (not_done_reason IS NULL OR not_done_reason IN ('no_access', 'paid_on_site', 'refused', 'technical', 'other'));
ALTER TABLE order_positions ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE order_positions ADD COLUMN recorded_by TEXT;
ALTER TABLE order_positions ADD COLUMN recorded_at TEXT;
CREATE INDEX order_positions_by_outcome ON order_positions(outcome, done_at);

-- the cut-off in force: set when a cut-off is recorded, cleared by the reconnection
ALTER TABLE metering_points ADD COLUMN disconnected_on TEXT;

ALTER TABLE readings ADD COLUMN after_disconnection INTEGER NOT NULL DEFAULT 0 CHECK (after_disconnection IN (0, 1));

CREATE TABLE reconnection_orders (
  id INTEGER PRIMARY KEY,
  point_id INTEGER NOT NULL REFERENCES metering_points(id),
  -- the cut-off it undoes
  position_id INTEGER REFERENCES order_positions(id),
  basis TEXT NOT NULL CHECK (basis IN ('paid', 'operator')),
  basis_note TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL CHECK (place IN ('town', 'village')),
  formed_on TEXT NOT NULL,
  deadline_on TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'done')),
  account_number TEXT NOT NULL,
  full_name TEXT NOT NULL,
  address TEXT NOT NULL,
  done_at TEXT,
  executor_id INTEGER REFERENCES employees(id),
  executor_name TEXT,
  seal_number TEXT,
  reading INTEGER CHECK (reading IS NULL OR reading >= 0),
  note TEXT NOT NULL DEFAULT '',
  formed_by TEXT,
  recorded_by TEXT,
  CHECK (status <> 'done' OR (done_at IS NOT NULL AND seal_number IS NOT NULL AND reading IS NOT NULL))
);
CREATE INDEX reconnection_orders_by_status ON reconnection_orders(status, deadline_on);
CREATE INDEX reconnection_orders_by_point ON reconnection_orders(point_id);
-- one reconnection in work per point: forming twice cannot send two crews
CREATE UNIQUE INDEX reconnection_orders_one_open ON reconnection_orders(point_id) WHERE status = 'new';
`,
};
