import { describe, expect, it } from 'vitest';
import { contract, coreContract, type ChannelName } from '../../shared/contract/index';
import { createRandom } from '../seed/random';
import { testDistrict } from '../../tests/support/test-district';

/** Whole requests that are not objects at all. */
const notObjects: unknown[] = [null, undefined, 42, -1, 'sections', "' OR 1=1 --", [], [1, 2, 3], true, 'x'.repeat(100_000)];

/**
 * Field values no well-formed request carries: wrong types, out-of-range numbers, blank or
 * oversized text (SQL fragments repeated past every length limit), objects where scalars belong.
 */
const garbage: unknown[] = [
  null,
  -1,
  0,
  -0.5,
  1.5,
  2 ** 53 + 7,
  -(2 ** 31),
  '',
  ' ',
  'x'.repeat(100_000),
  "' OR 1=1 --".repeat(60),
  '1; DROP TABLE accounts; --'.repeat(30),
  "Robert'); DELETE FROM readings; --".repeat(20),
  {},
  [],
  [1, 2, 3],
  [null],
  { $gt: 1 },
  { toString: 'x' },
  { __proto__: { polluted: 1 } },
];

function tableCounts(db: ReturnType<typeof testDistrict>['db']) {
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

describe('malformed requests through the handler registry', () => {
  it('10,000 of them: every one answered with an envelope, none crashes, none writes a row', () => {
    const district = testDistrict();
    const { next: random, pick } = createRandom(20261122);
    // Signing out takes no fields, so any request to it is well-formed and recorded like any sign-out.
    const channels = Object.keys(coreContract).filter((name) => name !== 'auth.logout');
    const fieldNames = [
      'id',
      'routeId',
      'taskId',
      'positionId',
      'number',
      'name',
      'selector',
      'outcome',
      'criteria',
      'query',
      'houseIds',
      'pointIds',
      'checkedOn',
      'taskDate',
      'settlementId',
      'streetId',
      'kind',
      'value',
    ];
    const before = tableCounts(district.db);
    const changesBefore = (district.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const outcomes = { refused: 0, answered: 0 };

    for (let i = 0; i < 10_000; i++) {
      const shape = i % 5;
      const channel =
        shape === 0 ? pick(['', 'routes', 'routes.drop', '__proto__', 'constructor', 'x'.repeat(5000), 42, null]) : pick(channels);
      let input: unknown;
      if (shape === 1) input = pick(notObjects);
      else {
        const fields: Record<string, unknown> = {};
        for (const name of fieldNames) if (random() < 0.6) fields[name] = pick(garbage);
        input = fields;
      }
      const answer = district.core.dispatch(channel, input, pick(['uk', 'en', 'de', null, { locale: 1 }]));
      expect(typeof answer).toBe('object');
      if (answer.ok) {
        outcomes.answered++;
        expect(contract[channel as ChannelName].effect, `${String(channel)} answered`).toBe('read');
      } else {
        outcomes.refused++;
        expect(answer.error.code).not.toBe('internal');
        expect(answer.error.message.length).toBeGreaterThan(0);
      }
    }

    expect(outcomes.refused + outcomes.answered).toBe(10_000);
    expect(tableCounts(district.db)).toEqual(before);
    expect((district.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n).toBe(changesBefore);
    console.log(`fuzz: 10000 malformed requests, ${outcomes.refused} refused, ${outcomes.answered} read-only answers, 0 rows written`);
  });
});
