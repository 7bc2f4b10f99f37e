import type { OrderBasis } from '../../../shared/contract/orders';
import { formatDate, formatMoney } from '../../../shared/i18n/format';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db } from '../../db/open';
import { DomainError } from '../errors';
import { a4LandscapeListStyle, esc, printDocument } from '../printing/a4-page';
import { chunk } from '../tasks/sheet-layout';
import { settingsReader } from '../calendar/working-days';

/** Rows per landscape page: tall enough to write a seal number and a reading by hand. */
const rowsPerPage = 12;

const words = {
  uk: {
    title: 'Наряд на відключення',
    date: 'Дата',
    executor: 'Виконавець',
    columns: [
      '№',
      'О/р',
      'Споживач',
      'Адреса',
      'Лічильник',
      'Підстава',
      'Борг',
      'Дата, час',
      'Пломба №',
      'Показник',
      'Підпис споживача / примітка',
    ],
    bases: { non_payment: 'Несплата', non_admittance: 'Недопуск', debt: 'Борг' } satisfies Record<OrderBasis, string>,
    total: (n: number) => `Усього позицій: ${n}`,
    signExecutor: 'Виконавець ____________________',
    signMaster: 'Наряд видав ____________________',
    page: (n: number, of: number) => `Аркуш ${n} з ${of}`,
  },
  en: {
    title: 'Disconnection order',
    date: 'Date',
    executor: 'Executor',
    columns: [
      'No.',
      'Account',
      'Consumer',
      'Address',
      'Meter',
      'Basis',
      'Debt',
      'Date, time',
      'Seal No.',
      'Reading',
      "Consumer's signature / note",
    ],
    bases: { non_payment: 'Non-payment', non_admittance: 'Non-admittance', debt: 'Debt' } satisfies Record<OrderBasis, string>,
    total: (n: number) => `Positions: ${n}`,
    signExecutor: 'Executor ____________________',
    signMaster: 'Issued by ____________________',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
} satisfies Record<Locale, unknown>;

const style = `${a4LandscapeListStyle}
table { table-layout: fixed; }
tr.pos td { height: 12mm; }
.closing { margin-top: 6mm; display: flex; gap: 30mm; }`;

interface PositionSql {
  seq: number;
  accountNumber: string;
  fullName: string;
  address: string;
  meterSerial: string | null;
  basis: OrderBasis;
  debtKop: number | null;
}

/**
 * The order as the crew takes it out (DOMAIN.md, workflow 4: acts with the seal number and the
 * meter's reading at the cut-off): the positions in the order's address order, with empty columns
 * for the time, the seal, the reading and the consumer's signature.
 */
export function orderSheet(db: Db) {
  const order = db.prepare<[number], { name: string; orderDate: string; routeId: number | null }>(
    'SELECT name, order_date AS orderDate, route_id AS routeId FROM disconnection_orders WHERE id = ?',
  );
  const executor = db.prepare<[number], { name: string }>(
    'SELECT e.full_name AS name FROM routes r JOIN employees e ON e.id = r.executor_id WHERE r.id = ?',
  );
  const positions = db.prepare<[number], PositionSql>(`
    SELECT op.seq, op.account_number AS accountNumber, op.full_name AS fullName, op.address, m.serial AS meterSerial, op.basis,
      op.debt_kop AS debtKop
    FROM order_positions op LEFT JOIN meters m ON m.point_id = op.point_id
    WHERE op.order_id = ? ORDER BY op.seq`);
  const settings = settingsReader(db);

  return (orderId: number, locale: Locale): { html: string; pages: number; fileName: string } => {
    const o = order.get(orderId);
    if (!o) throw new DomainError('notFound.order');
    const l = words[locale];
    const rows = positions.all(orderId);
    const pages = rows.length === 0 ? [[]] : chunk(rows, rowsPerPage);
    const crew = o.routeId === null ? undefined : executor.get(o.routeId)?.name;
    const header = (n: number) => `<header><div><h1>${esc(l.title)} · ${esc(o.name)}</h1>
        <div>${esc(l.date)}: <b>${formatDate(o.orderDate, locale)}</b> · ${esc(l.executor)}: <b>${esc(crew ?? '—')}</b></div></div>
      <div>${esc(settings('branch.name') ?? '')}<br>${esc(l.page(n, pages.length))}</div></header>`;
    const head = `<thead><tr>${l.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead>`;
    const row = (p: PositionSql) => `<tr class="pos"><td class="num">${p.seq}</td><td>${esc(p.accountNumber)}</td>
      <td>${esc(p.fullName)}</td><td>${esc(p.address)}</td><td>${esc(p.meterSerial ?? '—')}</td><td>${esc(l.bases[p.basis])}</td>
      <td class="num">${p.debtKop === null ? '' : esc(formatMoney(p.debtKop, locale))}</td><td></td><td></td><td></td><td></td></tr>`;
    const closing = `<div>${esc(l.total(rows.length))}</div><div class="closing"><div>${esc(l.signExecutor)}</div><div>${esc(l.signMaster)}</div></div>`;
    const body = pages.map(
      (pageRows, index) =>
        `<section class="page">${header(index + 1)}<table>${head}<tbody>${pageRows.map(row).join('')}</tbody></table>${
          index === pages.length - 1 ? closing : ''
        }</section>`,
    );
    const html = printDocument({ lang: locale, title: `${l.title} ${o.name}`, style, pages: body });
    return { html, pages: pages.length, fileName: `order-${orderId}-${o.orderDate}.pdf` };
  };
}
