import type { Migration } from './migration';

/**
 * What judging a reading by the point's own history needs (docs/domain.md, "Expected consumption
 * and the bands"): the monthly consumption profile and the bands' settings.
 *
 * `consumption_profile` holds one share of the annual volume per commodity and calendar month; an
 * administrator may edit it, and each commodity's twelve shares are taken relative to their sum.
 * Gas: the gas distribution code (Appendix 1) gives each household consumption group a share per
 * month; that table is not at hand, so the defaults approximate its standard household profile with
 * heating — the heating season (October to April) carrying nine tenths of the year. Replace them
 * with the code's figures for the district's group. Electricity: flat, one twelfth a month.
 *
 * The bands, per commodity: too high above highFactor × expected, too low below expected /
 * lowFactor, zero consumption over more than zeroDays on a connected point. A point with fewer
 * control readings than minHistoryReadings in the last historyMonths is judged by the monthly
 * maximum instead.
 */
export const consumptionProfile: Migration = {
  version: 12,
  name: 'consumption-profile',
  sql: `
CREATE TABLE consumption_profile (
  commodity TEXT NOT NULL CHECK (commodity IN ('gas', 'electricity')),
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  share REAL NOT NULL CHECK (share >= 0),
  PRIMARY KEY (commodity, month)
);

INSERT INTO consumption_profile (commodity, month, share) VALUES
  ('gas', 1, 0.16), ('gas', 2, 0.14), ('gas', 3, 0.12), ('gas', 4, 0.07),
  ('gas', 5, 0.03), ('gas', 6, 0.02), ('gas', 7, 0.02), ('gas', 8, 0.02),
  ('gas', 9, 0.03), ('gas', 10, 0.08), ('gas', 11, 0.13), ('gas', 12, 0.18);

WITH RECURSIVE m(month) AS (SELECT 1 UNION ALL SELECT month + 1 FROM m WHERE month < 12)
INSERT INTO consumption_profile (commodity, month, share) SELECT 'electricity', month, 1.0 / 12 FROM m;

INSERT INTO settings (key, value) VALUES
  ('validation.gas.highFactor', '3'),
  ('validation.gas.lowFactor', '3'),
  ('validation.gas.zeroDays', '60'),
  ('validation.electricity.highFactor', '3'),
  ('validation.electricity.lowFactor', '3'),
  ('validation.electricity.zeroDays', '60'),
  ('validation.minHistoryReadings', '3'),
  ('validation.historyMonths', '24')
ON CONFLICT (key) DO NOTHING;

-- The history read for expected consumption: a point's control readings by date, with the value.
CREATE INDEX readings_control_by_point ON readings(point_id, taken_on, value, rollover) WHERE kind = 'control';
`,
};
