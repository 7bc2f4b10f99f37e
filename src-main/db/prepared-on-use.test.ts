import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { preparedOnUse } from './prepared-on-use';

describe('a statement prepared on first use', () => {
  it('is prepared at the first call, not before, and once for every call after it', () => {
    const db = new Database(':memory:');
    let prepared = 0;
    const count = preparedOnUse(() => {
      prepared++;
      return db.prepare<[], number>('SELECT count(*) FROM later').pluck();
    });
    // The table does not exist yet: preparing now would throw, and nothing has been prepared.
    expect(prepared).toBe(0);
    db.exec('CREATE TABLE later (id INTEGER PRIMARY KEY); INSERT INTO later DEFAULT VALUES');
    expect(count().get()).toBe(1);
    expect(count().get()).toBe(1);
    expect(count()).toBe(count());
    expect(prepared).toBe(1);
    db.close();
  });
});
