import { describe, expect, it } from 'vitest';
import { testDistrict } from '../../../tests/support/test-district';
import { createCore } from '../app';
import { cutoffInWords, daysInWords, noticeHtml, periodLines } from './notice-layout';
import { warningNotices } from './warning-notices';

const today = '2026-11-27';
const asOf = '2026-11-20';

/**
 * The test district with a route over every point, two debtors (Садова 1 with two unpaid periods,
 * Шевченка 2 with one) and a walk task formed on 20.11.2026 with non-payment warnings; the
 * branch's contacts set as an administrator sets them.
 */
function district() {
  const d = testDistrict({}, { today });
  const route = d.call('routes.save', { number: 7, name: 'Усе', sectionId: d.section, executorId: d.controller });
  for (const settlementId of [d.settlements.town, d.settlements.village]) {
    d.call('routes.assign', { routeId: route.id, selector: { kind: 'settlement', settlementId } });
  }
  const sadova = d.points.sa1[0]!;
  const shevchenka = d.points.sh2[0]!;
  d.bill(sadova, '2026-08', 45000, '2026-09-05');
  d.bill(sadova, '2026-09', 30050, '2026-10-01', 10000);
  d.bill(shevchenka, '2026-09', 80000, '2026-10-01');
  d.call('settings.save', { key: 'branch.name', value: 'Коростишівський РЕМ' });
  d.call('settings.save', { key: 'branch.address', value: 'м. Коростишів, вул. Героїв Небесної Сотні, 7' });
  d.call('settings.save', { key: 'branch.phone', value: '(04130) 5-12-34' });
  const formed = d.call('tasks.form', { routeId: route.id, taskDate: asOf, criteria: {}, warnNonPayment: true });
  const warningOf = (pointId: number, kind = 'non_payment') =>
    d.db
      .prepare<[number, string], { id: number }>('SELECT id FROM disconnection_warnings WHERE point_id = ? AND kind = ?')
      .get(pointId, kind)!.id;
  return { ...d, route, taskId: formed.taskId, sadova, shevchenka, warningOf, notices: warningNotices(d.db) };
}

const branch = { name: 'Коростишівський РЕМ', address: 'м. Коростишів, вул. Героїв Небесної Сотні, 7', phone: '(04130) 5-12-34' };

describe('the content of a warning notice', () => {
  it('a formed non-payment warning: the consumer, the debt by period, the notice period as a rule, the branch', () => {
    const d = district();
    const [notice] = d.notices.forWarnings([d.warningOf(d.sadova)]);
    expect(notice).toEqual({
      warningId: d.warningOf(d.sadova),
      kind: 'non_payment',
      status: 'formed',
      accountNumber: '105',
      fullName: 'Бойко Ганна Петрівна',
      address: 'м. Коростишів, вул. Садова, 1',
      commodity: 'electricity',
      asOf,
      debtKop: 65050,
      debtPeriods: [
        { period: '2026-08', unpaidKop: 45000 },
        { period: '2026-09', unpaidKop: 20050 },
      ],
      refusedVisits: [],
      issuedHow: null,
      issuedOn: null,
      receivedOn: null,
      // Not handed out yet: no date can be promised, only the rule it will be counted by.
      cutoff: { days: 10, unit: 'working' },
      branch,
    });
  });

  it('an issued warning prints the earliest cut-off the issue computed, and how it was handed over', () => {
    const d = district();
    const id = d.warningOf(d.sadova);
    d.call('warnings.issue', { ids: [id], how: 'mail', issuedOn: asOf });
    const stored = d.db
      .prepare<[number], { cutoff: string }>('SELECT earliest_cutoff_on AS cutoff FROM disconnection_warnings WHERE id = ?')
      .get(id)!;
    const [notice] = d.notices.forWarnings([id]);
    expect(notice).toMatchObject({
      status: 'issued',
      issuedHow: 'mail',
      issuedOn: asOf,
      receivedOn: '2026-11-23',
      cutoff: { on: stored.cutoff },
    });
    expect(stored.cutoff).toBe('2026-12-07');
  });

  it('gas counts the notice period in calendar days, as the settings say', () => {
    const d = district();
    d.db.prepare("UPDATE metering_points SET commodity = 'gas' WHERE id = ?").run(d.sadova);
    const [notice] = d.notices.forWarnings([d.warningOf(d.sadova)]);
    expect(notice).toMatchObject({ commodity: 'gas', cutoff: { days: 3, unit: 'calendar' } });
  });

  it('a non-admittance warning lists the refused visits, oldest first, and no debt', () => {
    const d = district();
    d.db
      .prepare(
        `INSERT INTO disconnection_warnings (point_id, kind, as_of, task_id, refused_visits)
         VALUES (?, 'non_admittance', ?, ?, '["2026-11-02","2026-10-05"]')`,
      )
      .run(d.points.po5[0]!, asOf, d.taskId);
    const [notice] = d.notices.forWarnings([d.warningOf(d.points.po5[0]!, 'non_admittance')]);
    expect(notice).toMatchObject({
      kind: 'non_admittance',
      accountNumber: '106',
      address: 'с. Вільшанка, вул. Польова, 5',
      debtKop: null,
      debtPeriods: [],
      refusedVisits: ['2026-10-05', '2026-11-02'],
    });
  });

  it('a register selection comes in address order; a closed warning or one not there refuses the lot', () => {
    const d = district();
    const ids = [d.warningOf(d.shevchenka), d.warningOf(d.sadova)];
    expect(d.notices.forWarnings(ids).map((n) => n.accountNumber)).toEqual(['105', '100']);
    d.call('warnings.cancel', { ids: [ids[0]!], reason: 'court' });
    expect(d.refusal('warnings.notices', { warningIds: ids })).toMatchObject({
      code: 'warning.noticeNotInForce',
      message: expect.stringContaining('о/р 100') as unknown,
    });
    expect(d.refusal('warnings.notices', { warningIds: [ids[1]!, 9999] }).code).toBe('notFound.warning');
  });

  it("a task's notices are its warnings in force, in the task's order", () => {
    const d = district();
    expect(d.notices.forTask(d.taskId).map((n) => n.accountNumber)).toEqual(['105', '100']);
    d.call('warnings.issue', { ids: [d.warningOf(d.shevchenka)], how: 'in_hand', issuedOn: asOf });
    expect(d.notices.forTask(d.taskId).map((n) => n.status)).toEqual(['formed', 'issued']);
    d.call('warnings.cancel', { ids: [d.warningOf(d.sadova)], reason: 'restructured' });
    expect(d.notices.forTask(d.taskId).map((n) => n.accountNumber)).toEqual(['100']);
  });
});

describe('the printed notices', () => {
  it('two to a page, each with its account, debt, periods and cut-off in Ukrainian, whatever the locale asked', () => {
    const d = district();
    const id = d.warningOf(d.shevchenka);
    d.call('warnings.issue', { ids: [id], how: 'in_hand', issuedOn: asOf });
    const printed = d.call('warnings.notices', { taskId: d.taskId }, 'en');
    expect(printed).toMatchObject({ pages: 1, notices: 2, fileName: 'notices-route-7-2026-11-20.pdf' });
    expect(printed.html).toContain('<html lang="uk">');
    expect(printed.html.match(/class="notice"/g)).toHaveLength(2);
    expect(printed.html.match(/class="cut"/g)).toHaveLength(1);
    expect(printed.html).toContain('<dd class="account">105</dd>');
    expect(printed.html).toContain('650,50 грн');
    expect(printed.html).toContain('<span>08.2026</span><span>450,00</span>');
    expect(printed.html).toContain('не раніше ніж через 10 робочих днів від дня отримання цього попередження');
    // Issued in hand on Friday 20.11: ten working days on is Friday 04.12.
    expect(printed.html).toContain('не раніше 04.12.2026');
    expect(printed.html).toContain('Попередження вручено особисто 20.11.2026.');
    expect(printed.html).toContain('Коростишівський РЕМ, м. Коростишів, вул. Героїв Небесної Сотні, 7, тел. (04130) 5-12-34');
    // The same warning ticked twice prints once.
    expect(d.call('warnings.notices', { warningIds: [id, id] })).toMatchObject({ notices: 1, pages: 1 });
  });

  it('a task without warnings in force has nothing to print', () => {
    const d = district();
    d.call('warnings.cancel', { ids: [d.warningOf(d.sadova), d.warningOf(d.shevchenka)], reason: 'court' });
    expect(d.refusal('warnings.notices', { taskId: d.taskId }).code).toBe('warning.noNoticesForTask');
  });

  it('the route sheet appends the notices after the sheet when asked, numbering their pages on', () => {
    const d = district();
    const plain = d.call('tasks.sheet', { taskId: d.taskId, includeBills: false });
    const withNotices = d.call('tasks.sheet', { taskId: d.taskId, includeBills: false, includeWarnings: true });
    expect(plain.html).not.toContain('class="notice"');
    expect(withNotices.pages).toBe(plain.pages + 1);
    expect(withNotices.html).toContain(`<section class="page notices" data-page="${plain.pages + 1}">`);
    expect(withNotices.html.match(/class="notice"/g)).toHaveLength(2);
    // A sheet without warnings in force is the sheet alone.
    d.call('warnings.cancel', { ids: [d.warningOf(d.sadova), d.warningOf(d.shevchenka)], reason: 'court' });
    expect(d.call('tasks.sheet', { taskId: d.taskId, includeBills: false, includeWarnings: true }).pages).toBe(plain.pages);
  });
});

describe("the branch's contacts and who may print", () => {
  it('are settings an administrator keeps: listed, and each change in the audit log', () => {
    const d = district();
    expect(d.call('settings.list', {})).toEqual(
      expect.arrayContaining([
        { key: 'branch.address', value: branch.address },
        { key: 'branch.phone', value: branch.phone },
      ]),
    );
    const entry = d.db
      .prepare<[], { oldValue: string; newValue: string }>(
        "SELECT old_value AS oldValue, new_value AS newValue FROM audit_log WHERE channel = 'settings.save' AND new_value LIKE '%branch.phone%'",
      )
      .get()!;
    expect(JSON.parse(entry.oldValue)).toEqual({ 'branch.phone': null });
    expect(JSON.parse(entry.newValue)).toEqual({ 'branch.phone': branch.phone });
  });

  it('an operator may look the notices over, as the route sheet; printing them is a master’s', () => {
    const d = district();
    const operator = createCore(d.db, { version: 'test', signedIn: { login: 'oper', fullName: 'Оператор', role: 'operator' } });
    expect(operator.dispatch('warnings.notices', { taskId: d.taskId }, 'uk').ok).toBe(true);
    // Printing is a host channel: the host asks the registry's access check before it prints.
    for (const channel of ['print.notices', 'print.noticesPdf'] as const) {
      expect(operator.authorize(channel, 'uk'), channel).toMatchObject({ ok: false });
      expect(d.core.authorize(channel, 'uk'), channel).toBeNull();
    }
  });
});

describe('notice wording', () => {
  it('agrees the number of days with its noun', () => {
    expect(daysInWords(1, 'working')).toBe('1 робочий день');
    expect(daysInWords(3, 'calendar')).toBe('3 календарні дні');
    expect(daysInWords(10, 'working')).toBe('10 робочих днів');
    expect(daysInWords(21, 'calendar')).toBe('21 календарний день');
    expect(cutoffInWords({ on: '2026-12-04' })).toBe('не раніше 04.12.2026');
    expect(cutoffInWords({ days: 0, unit: 'calendar' })).toBe('не раніше дня отримання цього попередження');
  });

  it('sums the oldest periods of a long debt into one line so the notice fits its half page', () => {
    const periods = Array.from({ length: 30 }, (_, i) => ({
      period: `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
      unpaidKop: 100,
    }));
    const lines = periodLines(periods);
    expect(lines).toHaveLength(24);
    expect(lines[0]).toEqual({ label: 'до 07.2024', unpaidKop: 700 });
    expect(lines.reduce((sum, line) => sum + line.unpaidKop, 0)).toBe(3000);
    expect(lines.at(-1)!.label).toBe('06.2026');
  });

  it('escapes what the consumer data holds', () => {
    const html = noticeHtml({
      warningId: 1,
      kind: 'non_admittance',
      status: 'formed',
      accountNumber: '1<2',
      fullName: 'Бойко & Ко',
      address: 'вул. "Нова"',
      commodity: 'gas',
      asOf,
      debtKop: null,
      debtPeriods: [],
      refusedVisits: ['2026-10-05'],
      issuedHow: null,
      issuedOn: null,
      receivedOn: null,
      cutoff: { days: 3, unit: 'calendar' },
      branch: { name: 'РЕМ', address: '', phone: '' },
    });
    expect(html).toContain('1&lt;2');
    expect(html).toContain('Бойко &amp; Ко');
    expect(html).toContain('про відключення газопостачання за недопуск до засобу обліку');
    expect(html).toContain('звертайтеся: РЕМ.');
  });
});
