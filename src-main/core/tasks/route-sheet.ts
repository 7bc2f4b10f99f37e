import type { RouteSheet } from '../../../shared/contract/tasks';
import { describeCriteria } from '../../../shared/i18n/criteria';
import { formatAmount, formatDate, formatPeriod } from '../../../shared/i18n/format';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db } from '../../db/open';
import { noticePages, noticeStyle } from '../disconnection/notice-layout';
import { warningNotices } from '../disconnection/warning-notices';
import { debts, type BillStanding } from '../ledger/debt';
import { a4PageStyle, esc, printDocument } from '../printing/a4-page';
import { billSlipsPerPage, chunk, paginate } from './sheet-layout';
import type { taskStore } from './task-store';

interface PositionSql {
  seq: number;
  pointId: number;
  accountNumber: string;
  fullName: string;
  address: string;
  meterSerial: string | null;
  meterDigits: number | null;
  prevValue: number | null;
  prevDate: string | null;
  /** A control re-read the correction queue put here. */
  reread: number;
}

const labels = {
  uk: {
    title: 'Маршрутний лист',
    titles: 'Маршрутні листи',
    route: 'Маршрут №',
    executor: 'Виконавець',
    date: 'Дата завдання',
    criterion: 'Критерій',
    plan: 'Денний план',
    order: 'Порядок',
    byWalk: 'за маршрутом',
    byAccount: 'за о/р',
    page: (x: number, y: number) => `Сторінка ${x} з ${y}`,
    columns: ['№', 'О/р', 'ПІБ', 'Адреса', 'Лічильник', 'Попер. контр. показник', 'Показник', 'Дата', 'Код', 'Підпис'],
    digits: 'розр.',
    total: (n: number) => `Всього позицій: ${n}`,
    filled: 'Виконано: ______   Не виконано: ______',
    signController: 'Контролер ____________________',
    signMaster: 'Майстер ____________________',
    legend: 'Коди причин невиконання',
    bill: 'Рахунок-повідомлення',
    billPeriod: 'Період',
    billAmount: 'Нараховано, грн',
    billPaid: 'Сплачено, грн',
    billDebt: 'Борг, грн',
    billTotal: 'Разом до сплати, грн',
    billAccount: 'Особовий рахунок',
    noMeter: '—',
    reread: 'повторний контроль',
  },
  en: {
    title: 'Route sheet',
    titles: 'Route sheets',
    route: 'Route No.',
    executor: 'Executor',
    date: 'Task date',
    criterion: 'Criterion',
    plan: 'Day plan',
    order: 'Order',
    byWalk: 'walk order',
    byAccount: 'by account',
    page: (x: number, y: number) => `Page ${x} of ${y}`,
    columns: ['No.', 'Account', 'Full name', 'Address', 'Meter', 'Prev. control reading', 'Reading', 'Date', 'Code', 'Signature'],
    digits: 'dig.',
    total: (n: number) => `Positions: ${n}`,
    filled: 'Executed: ______   Not executed: ______',
    signController: 'Controller ____________________',
    signMaster: 'Master ____________________',
    legend: 'Non-execution reason codes',
    bill: 'Bill and notice',
    billPeriod: 'Period',
    billAmount: 'Billed, UAH',
    billPaid: 'Paid, UAH',
    billDebt: 'Debt, UAH',
    billTotal: 'Total due, UAH',
    billAccount: 'Account',
    noMeter: '—',
    reread: 'control re-read',
  },
};

/** Millimetres, so the sheet is the same on screen, in the PDF and on paper. */
const style = `${a4PageStyle}
header { display: grid; grid-template-columns: 1fr auto; gap: 0.5mm 4mm; margin-bottom: 2mm; }
header h1 { font-size: 12pt; margin: 0; }
header .meta { grid-column: 1 / -1; display: flex; flex-wrap: wrap; gap: 0 6mm; font-size: 8.5pt; }
header .meta b { font-weight: 600; }
.pageno { text-align: right; font-size: 8pt; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 0.25mm solid #000; padding: 0.6mm 0.8mm; vertical-align: top; }
th { font-size: 6.5pt; font-weight: 600; background: #f1f3f5; }
tr.pos td { height: 12mm; }
tr.pos td > div { max-height: 10.6mm; overflow: hidden; }
td.num { text-align: right; }
.closing { margin-top: 3mm; font-size: 8pt; display: grid; grid-template-columns: 1fr 1fr; gap: 2mm 8mm; }
.closing h2 { font-size: 8.5pt; margin: 0 0 1mm; }
.closing ol { margin: 0; padding-left: 6mm; columns: 2; }
.slip { height: 66mm; border: 0.3mm dashed #000; padding: 3mm; margin-bottom: 2mm; overflow: hidden; }
.slip h2 { font-size: 10pt; margin: 0 0 1mm; }
.slip table { margin-top: 1.5mm; }
.slip td, .slip th { padding: 0.4mm 1mm; }
`;

// The sheet's money columns are headed "…, грн", so the figures stand alone.
const money = formatAmount;

interface SheetPages {
  pages: string[];
  pageCount: number;
  positions: number;
  withNotices: boolean;
  routeNumber: number;
  taskDate: string;
}

/**
 * The printed walk task: one HTML document that the preview shows and the printer or PDF engine
 * prints; and the sheets of several tasks as one document (a day's plans, printed in one job), each
 * sheet numbering its own pages as it would alone.
 */
export function routeSheets(db: Db, tasks: ReturnType<typeof taskStore>) {
  const positions = db.prepare<[number], PositionSql>(`SELECT seq, point_id AS pointId, account_number AS accountNumber,
      full_name AS fullName, address, meter_serial AS meterSerial, meter_digits AS meterDigits, prev_value AS prevValue,
      prev_date AS prevDate, EXISTS (SELECT 1 FROM reading_checks rc WHERE rc.reread_position_id = task_positions.id) AS reread
      FROM task_positions WHERE task_id = ? ORDER BY seq`);
  const ledger = debts(db);
  /** What a consumer owes as of the task's date: the bills due by then with something left unpaid, oldest first. */
  const owedBills = (pointIds: number[], asOf: string) =>
    ledger
      .bills(pointIds)
      .filter((bill) => bill.dueOn <= asOf && bill.unpaidKop > 0)
      .sort((a, b) => a.period.localeCompare(b.period));
  const reasons = db.prepare<[], { code: number; uk: string; en: string }>(
    'SELECT code, name_uk AS uk, name_en AS en FROM non_execution_reasons WHERE active = 1 ORDER BY code',
  );
  const branch = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'branch.name'");
  const notices = warningNotices(db);

  const sheetPages = (
    { taskId, includeBills, includeWarnings }: { taskId: number; includeBills: boolean; includeWarnings: boolean },
    locale: Locale,
  ): SheetPages => {
    const task = tasks.get(taskId);
    const l = labels[locale];
    const rows = positions.all(taskId);
    const sheetPages = paginate(rows);
    const bills = includeBills ? owedBills([...new Set(rows.map((row) => row.pointId))], task.taskDate) : [];
    const slips = billSlips(rows, bills);
    const slipPages = chunk(slips, billSlipsPerPage);
    // The notices of the task's warnings in force follow the sheet and the bills, ready to cut and hand out.
    const warningPages = includeWarnings ? noticePages(notices.forTask(taskId), sheetPages.length + slipPages.length + 1) : [];
    const pageCount = sheetPages.length + slipPages.length + warningPages.length;
    const branchName = branch.get()?.value ?? '';

    const header = (pageNo: number) => `<header>
      <h1>${esc(l.title)} · ${esc(l.route)} ${task.routeNumber} «${esc(task.routeName)}»</h1>
      <div class="pageno">${esc(branchName)}<br>${esc(l.page(pageNo, pageCount))}</div>
      <div class="meta"><span>${esc(l.executor)}: <b>${esc(task.executorName ?? '—')}</b></span>
        <span>${esc(l.date)}: <b>${formatDate(task.taskDate, locale)}</b></span>
        <span>${esc(l.criterion)}: <b>${esc(task.kind === 'plan' ? l.plan : describeCriteria(task.criteria, locale))}</b></span>
        <span>${esc(l.order)}: <b>${esc(task.sortOrder === 'address' ? l.byWalk : l.byAccount)}</b></span></div>
    </header>`;
    const widths = [8, 17, 33, 41, 19, 19, 16, 14, 8, 11];
    const head = `<colgroup>${widths.map((w) => `<col style="width:${w}mm">`).join('')}</colgroup>
      <thead><tr>${l.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead>`;
    const row = (p: PositionSql) => `<tr class="pos">
      <td class="num">${p.seq}</td><td><div>${esc(p.accountNumber)}</div></td><td><div>${esc(p.fullName)}</div></td>
      <td><div>${esc(p.address)}${p.reread ? `<br><b>${esc(l.reread)}</b>` : ''}</div></td>
      <td><div>${p.meterSerial ? `${esc(p.meterSerial)}<br>${p.meterDigits ?? ''} ${esc(l.digits)}` : l.noMeter}</div></td>
      <td><div>${p.prevValue ?? '—'}<br>${formatDate(p.prevDate, locale)}</div></td><td></td><td></td><td></td><td></td></tr>`;
    const closing = `<div class="closing">
      <div><div>${esc(l.total(rows.length))}</div><div>${esc(l.filled)}</div><br><div>${esc(l.signController)}</div><br>
        <div>${esc(l.signMaster)}</div></div>
      <div><h2>${esc(l.legend)}</h2><ol>${reasons
        .all()
        .map((r) => `<li value="${r.code}">${esc(r[locale])}</li>`)
        .join('')}</ol></div>
    </div>`;

    const pages = sheetPages.map((pageRows, index) => {
      const isLast = index === sheetPages.length - 1;
      const table = pageRows.length ? `<table>${head}<tbody>${pageRows.map(row).join('')}</tbody></table>` : '';
      return `<section class="page" data-page="${index + 1}">${header(index + 1)}${table}${isLast ? closing : ''}</section>`;
    });
    slipPages.forEach((pageSlips, index) => {
      const body = pageSlips
        .map(({ position, bills: own }) => {
          // "Paid" counts the payments the bills do not hold yet, spread as the debt rule spreads them.
          const debt = own.reduce((sum, b) => sum + b.unpaidKop, 0);
          return `<div class="slip"><h2>${esc(l.bill)} · ${esc(l.billAccount)} ${esc(position.accountNumber)}</h2>
            <div>${esc(position.fullName)}, ${esc(position.address)}</div>
            <table><thead><tr><th>${esc(l.billPeriod)}</th><th>${esc(l.billAmount)}</th><th>${esc(l.billPaid)}</th><th>${esc(l.billDebt)}</th></tr></thead>
            <tbody>${own
              .slice(-6)
              .map(
                (b) =>
                  `<tr><td>${esc(formatPeriod(b.period, locale))}</td><td class="num">${money(b.amountKop, locale)}</td><td class="num">${money(b.amountKop - b.unpaidKop, locale)}</td><td class="num">${money(b.unpaidKop, locale)}</td></tr>`,
              )
              .join('')}</tbody></table>
            <div style="margin-top:1.5mm"><b>${esc(l.billTotal)}: ${money(debt, locale)}</b></div></div>`;
        })
        .join('');
      const pageNo = sheetPages.length + index + 1;
      pages.push(`<section class="page bills" data-page="${pageNo}">${header(pageNo)}${body}</section>`);
    });

    pages.push(...warningPages);
    return {
      pages,
      pageCount,
      positions: rows.length,
      withNotices: warningPages.length > 0,
      routeNumber: task.routeNumber,
      taskDate: task.taskDate,
    };
  };

  return {
    sheet: (options: { taskId: number; includeBills: boolean; includeWarnings: boolean }, locale: Locale): RouteSheet => {
      const one = sheetPages(options, locale);
      const html = printDocument({
        lang: locale,
        title: `${labels[locale].title} ${one.routeNumber} ${formatDate(one.taskDate, locale)}`,
        style: one.withNotices ? style + noticeStyle : style,
        pages: one.pages,
      });
      return { html, pages: one.pageCount, positions: one.positions, fileName: `route-${one.routeNumber}-${one.taskDate}.pdf` };
    },
    /** The tasks' sheets one after another, in the order asked. */
    sheets: (
      { taskIds, includeBills, includeWarnings }: { taskIds: readonly number[]; includeBills: boolean; includeWarnings: boolean },
      locale: Locale,
    ): RouteSheet => {
      const all = taskIds.map((taskId) => sheetPages({ taskId, includeBills, includeWarnings }, locale));
      const dates = [...new Set(all.map((one) => one.taskDate))].sort();
      const html = printDocument({
        lang: locale,
        title: `${labels[locale].titles} ${dates.map((date) => formatDate(date, locale)).join(', ')}`,
        style: all.some((one) => one.withNotices) ? style + noticeStyle : style,
        pages: all.flatMap((one) => one.pages),
      });
      return {
        html,
        pages: all.reduce((sum, one) => sum + one.pageCount, 0),
        positions: all.reduce((sum, one) => sum + one.positions, 0),
        fileName: `route-sheets-${dates.join('_')}.pdf`,
      };
    },
  };
}

function billSlips(rows: PositionSql[], bills: BillStanding[]) {
  const byPoint = new Map<number, BillStanding[]>();
  for (const bill of bills) byPoint.set(bill.pointId, [...(byPoint.get(bill.pointId) ?? []), bill]);
  return rows.flatMap((position) => {
    const own = byPoint.get(position.pointId);
    return own ? [{ position, bills: own }] : [];
  });
}
