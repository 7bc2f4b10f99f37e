import { openDatabase } from '../db/open';
import { percentile, round, type Figure } from './figures';

/**
 * The floor every later write figure is compared with: one row, its own transaction, WAL with
 * synchronous=FULL, i.e. what the disk costs before any of our code runs.
 */
export function rawInsertFigure(file: string, samples = 1000): Figure {
  const db = openDatabase(file);
  try {
    db.exec(
      'CREATE TABLE bench_insert (id INTEGER PRIMARY KEY, point_id INTEGER NOT NULL, value INTEGER NOT NULL, taken_on TEXT NOT NULL)',
    );
    const insert = db.prepare('INSERT INTO bench_insert (point_id, value, taken_on) VALUES (?, ?, ?)');
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const started = performance.now();
      insert.run(i, i * 7, '2026-11-22');
      times.push(performance.now() - started);
    }
    return {
      name: 'sqlite.raw_insert_p99_ms',
      value: round(percentile(times, 99), 2),
      unit: 'ms',
      note: `p99 of ${samples} single-row durable inserts (WAL, synchronous=FULL)`,
    };
  } finally {
    db.close();
  }
}
