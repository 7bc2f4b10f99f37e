import { describe, expect, it } from 'vitest';
import { testDistrict } from '../../../tests/support/test-district';

const today = '2026-12-04';

/** Two routes of the town: Шевченка read by the district's controller, Садова by the other one. */
function district() {
  const d = testDistrict({}, { today });
  const route = (number: number, name: string, executorId: number | null, houseIds: number[]) => {
    const saved = d.call('routes.save', { number, name, sectionId: d.section, executorId });
    d.call('routes.assign', { routeId: saved.id, selector: { kind: 'houses', houseIds } });
    return saved.id;
  };
  const shevchenka = route(7, 'Шевченка', d.controller, [d.houses.sh2, d.houses.sh10, d.houses.sh10a]);
  const sadova = route(8, 'Садова', d.otherController, [d.houses.sa1]);
  const positionsOf = (taskId: number) =>
    d.db.prepare<[number], { id: number }>('SELECT id FROM task_positions WHERE task_id = ? ORDER BY seq').all(taskId);
  /** A task on the route dated `taskDate`, with its first positions read on the days given. */
  const read = (routeId: number, taskDate: string, days: string[]) => {
    const { taskId } = d.call('tasks.form', { routeId, taskDate, criteria: {}, allowDuplicate: true });
    const positions = positionsOf(taskId);
    days.forEach((checkedOn, index) =>
      d.call('entry.save', {
        positionId: positions[index]!.id,
        checkedOn,
        maxConsumption: { electricity: 100000, gas: 100000 },
        outcome: { kind: 'reading', value: '100' },
      }),
    );
    return positions;
  };
  return { ...d, route, shevchenka, sadova, read };
}

describe('readings per controller per day', () => {
  it('counts the readings taken on the period’s first and last day, and none taken the day before or after', () => {
    const d = district();
    d.read(d.shevchenka, '2026-10-31', ['2026-10-31', '2026-11-01', '2026-11-01']);
    d.read(d.shevchenka, '2026-11-03', ['2026-11-03', '2026-11-03', '2026-11-03']);
    d.read(d.shevchenka, '2026-11-30', ['2026-11-30', '2026-12-01']);
    d.read(d.sadova, '2026-11-30', ['2026-11-30']);
    const chart = d.call('reports.readingsByDay', { dateFrom: '2026-11-01', dateTo: '2026-11-30' });
    expect(chart.days).toHaveLength(30);
    expect(chart.days[0]).toBe('2026-11-01');
    expect(chart.days.at(-1)).toBe('2026-11-30');
    expect(chart.controllers.map((c) => c.name)).toEqual(['Мельник Іван Петрович', 'Ткачук Олена Іванівна']);
    const [melnyk, tkachuk] = chart.controllers;
    expect(melnyk!.executorId).toBe(d.controller);
    expect(melnyk!.counts[0]).toBe(2);
    expect(melnyk!.counts[2]).toBe(3);
    expect(melnyk!.counts[29]).toBe(1);
    // 31 October and 1 December are outside: 2 + 3 + 1 readings in the period, every other day 0.
    expect(melnyk!.counts.reduce((sum, n) => sum + n, 0)).toBe(6);
    expect(tkachuk!.counts).toEqual([...Array<number>(29).fill(0), 1]);
  });

  it('goes by the day of the reading, not the task’s date, and counts only positions read', () => {
    const d = district();
    const positions = d.read(d.shevchenka, '2026-10-30', ['2026-11-02']);
    d.call('entry.save', {
      positionId: positions[1]!.id,
      checkedOn: '2026-11-02',
      maxConsumption: { electricity: 100000, gas: 100000 },
      outcome: { kind: 'reason', reasonCode: 1 },
    });
    const chart = d.call('reports.readingsByDay', { dateFrom: '2026-11-01', dateTo: '2026-11-03' });
    expect(chart.controllers).toEqual([{ executorId: d.controller, name: 'Мельник Іван Петрович', counts: [0, 1, 0] }]);
  });

  it('keeps to the route asked for, and names a task without a controller in the reader’s language', () => {
    const d = district();
    d.read(d.shevchenka, '2026-11-10', ['2026-11-10']);
    d.read(d.sadova, '2026-11-10', ['2026-11-10']);
    const nobody = d.route(9, 'Польова', null, [d.houses.po5]);
    d.read(nobody, '2026-11-10', ['2026-11-10']);
    const period = { dateFrom: '2026-11-10', dateTo: '2026-11-10' };
    expect(d.call('reports.readingsByDay', { ...period, routeId: d.sadova }).controllers).toEqual([
      { executorId: d.otherController, name: 'Ткачук Олена Іванівна', counts: [1] },
    ]);
    expect(d.call('reports.readingsByDay', period, 'en').controllers.map((c) => c.name)).toEqual([
      'Мельник Іван Петрович',
      'Ткачук Олена Іванівна',
      'no controller',
    ]);
    expect(d.call('reports.readingsByDay', { ...period, routeId: nobody }).controllers).toEqual([
      { executorId: null, name: 'без контролера', counts: [1] },
    ]);
  });
});
