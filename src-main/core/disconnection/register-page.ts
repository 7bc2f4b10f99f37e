import type { RegisterColumnKind, RegisterTable } from '../../../shared/contract/registers';
import { formatDate } from '../../../shared/i18n/format';
import { registerCellText } from '../../../shared/i18n/register-cell';
import type { Locale } from '../../../shared/i18n/locales';
import { a4LandscapeListStyle, esc, printDocument } from '../printing/a4-page';
import { chunk } from '../tasks/sheet-layout';

/** Rows per landscape A4 page: fixed, so the preview, the PDF and the paper agree on the page count. */
const rowsPerPage = 24;

const words = {
  uk: {
    period: 'Період',
    printed: 'Надруковано',
    total: 'Усього',
    page: (n: number, of: number) => `Аркуш ${n} з ${of}`,
    none: 'Записів немає.',
  },
  en: { period: 'Period', printed: 'Printed', total: 'Total', page: (n: number, of: number) => `Page ${n} of ${of}`, none: 'No records.' },
} satisfies Record<Locale, unknown>;

const style = `${a4LandscapeListStyle}
.meta { color: #333; }
.totals { margin-top: 3mm; }`;

/** A register as printed pages: the branch, the period and the print date on each, the totals at the end. */
export function registerPage(table: RegisterTable, locale: Locale, printedOn: string): { html: string; pages: number; fileName: string } {
  const l = words[locale];
  const pages = table.rows.length === 0 ? [[]] : chunk(table.rows, rowsPerPage);
  const numeric = (kind: RegisterColumnKind) => kind === 'money' || kind === 'number';
  const head = `<thead><tr>${table.columns.map((c) => `<th>${esc(c.label)}</th>`).join('')}</tr></thead>`;
  const header = (n: number) => `<header><div><h1>${esc(table.title)}</h1>
      <div class="meta">${esc(l.period)} (${esc(table.periodLabel.toLowerCase())}): ${formatDate(table.dateFrom, locale)} – ${formatDate(table.dateTo, locale)}</div></div>
    <div class="meta">${esc(table.branchName)}<br>${esc(l.printed)}: ${formatDate(printedOn, locale)}<br>${esc(l.page(n, pages.length))}</div></header>`;
  const totals = `<div class="totals"><b>${esc(l.total)}: ${table.rows.length}</b>${table.totals
    .map((t) => ` · ${esc(t.label)}: ${t.count}`)
    .join('')}</div>`;
  const body = pages.map((rows, index) => {
    const cells = rows
      .map(
        (row) =>
          `<tr>${table.columns
            .map((c) => `<td${numeric(c.kind) ? ' class="num"' : ''}>${esc(registerCellText(row[c.key], c.kind, locale))}</td>`)
            .join('')}</tr>`,
      )
      .join('');
    const content = rows.length ? `<table>${head}<tbody>${cells}</tbody></table>` : `<p>${esc(l.none)}</p>`;
    return `<section class="page">${header(index + 1)}${content}${index === pages.length - 1 ? totals : ''}</section>`;
  });
  const html = printDocument({ lang: locale, title: table.title, style, pages: body });
  return { html, pages: pages.length, fileName: `${table.kind}-${table.dateFrom}-${table.dateTo}.pdf` };
}
