import type { RegisterCell, RegisterColumnKind, RegisterTable } from '../../../shared/contract/registers';
import { formatDate, formatMoney } from '../../../shared/i18n/format';
import type { Locale } from '../../../shared/i18n/locales';
import { esc } from '../html-escape';
import { chunk } from '../tasks/sheet-layout';

/** Rows per landscape A4 page: fixed, so the preview, the PDF and the paper agree on the page count. */
const rowsPerPage = 24;

/** A cell as the reader's language writes it: dates 04.12.2026, money 1 234,56 грн. */
export function registerCellText(value: RegisterCell | undefined, kind: RegisterColumnKind, locale: Locale): string {
  if (value === null || value === undefined) return '';
  if (kind === 'money' && typeof value === 'number') return formatMoney(value, locale);
  if (kind === 'date' && typeof value === 'string') return formatDate(value, locale);
  // A local date-time as the crew wrote it, not a UTC instant: only the date part is reformatted.
  if (kind === 'dateTime' && typeof value === 'string') return `${formatDate(value.slice(0, 10), locale)} ${value.slice(11, 16)}`;
  return String(value);
}

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

const style = `@page { size: A4 landscape; margin: 10mm; }
* { box-sizing: border-box; }
body { font: 9pt/1.25 "DejaVu Sans", Arial, sans-serif; margin: 0; }
.page { page-break-after: always; }
.page:last-child { page-break-after: auto; }
header { display: flex; justify-content: space-between; align-items: flex-start; margin-bottom: 3mm; }
h1 { font-size: 12pt; margin: 0 0 1mm; }
.meta { color: #333; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 0.3mm solid #555; padding: 0.8mm 1.2mm; vertical-align: top; text-align: left; }
th { background: #eee; font-weight: 600; }
td.num { text-align: right; white-space: nowrap; }
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
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${esc(table.title)}</title>
<style>${style}</style></head><body>${body.join('\n')}</body></html>`;
  return { html, pages: pages.length, fileName: `${table.kind}-${table.dateFrom}-${table.dateTo}.pdf` };
}
