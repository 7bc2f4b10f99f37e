import { formatAmount, formatDate, formatPeriod } from '../../../shared/i18n/format';
import { chunk } from '../tasks/sheet-layout';
import { esc } from '../printing/a4-page';
import type { NoticeBranch, NoticeCutoff, WarningNotice } from './warning-notices';

/**
 * The printed notice: A5, two to a portrait A4 page, one above the other with a cut line between.
 * Always in Ukrainian, whatever the screen speaks: it is a paper handed to a consumer, and a notice
 * to a consumer is written in the state language.
 */
export const noticesPerPage = 2;
/** More periods than this are summed into one line for the oldest, so a long debt still fits its half page. */
const periodsShown = 24;

// Each half is 133 mm of the page's 276 mm; the 10 mm between them holds the cut line, 148 mm from
// the sheet's top edge, about where a guillotine halves A4 into two A5.
export const noticeStyle = `
.notices { justify-content: space-between; }
.notice { height: 133mm; overflow: hidden; padding: 2mm 4mm; font-size: 9pt; line-height: 1.3; display: flex; flex-direction: column; }
.notice .office { display: flex; justify-content: space-between; gap: 4mm; font-size: 8pt; border-bottom: 0.3mm solid #000; padding-bottom: 1mm; }
.notice h1 { font-size: 13pt; text-align: center; margin: 2mm 0 0; letter-spacing: 0.5mm; }
.notice h2 { font-size: 9.5pt; text-align: center; margin: 0 0 2mm; font-weight: 600; }
.notice p { margin: 0 0 1.5mm; }
.notice dl { display: grid; grid-template-columns: 38mm 1fr; gap: 0.5mm 2mm; margin: 0 0 2mm; }
.notice dt { font-weight: 600; }
.notice dd { margin: 0; }
.notice .periods { display: grid; grid-template-columns: repeat(4, 1fr); gap: 0 3mm; margin: 0 0 2mm; font-size: 8pt; }
.notice .periods div { display: flex; justify-content: space-between; border-bottom: 0.2mm dotted #000; }
.notice .cutoff { font-weight: 600; }
.notice .contacts { margin-top: auto; font-size: 8pt; }
.notice .receipt { margin-top: 2mm; font-size: 8pt; }
.cut { height: 10mm; display: flex; align-items: center; }
.cut::before { content: "✂"; font-size: 9pt; margin-right: 1mm; }
.cut::after { content: ""; flex: 1; border-top: 0.3mm dashed #000; }
`;

const service = { electricity: 'електропостачання', gas: 'газопостачання' } as const;
const consumed = { electricity: 'спожиту електричну енергію', gas: 'спожитий природний газ' } as const;
const commodityName = { electricity: 'електрична енергія', gas: 'природний газ' } as const;
const kindTitle = { non_payment: 'за несплату', non_admittance: 'за недопуск до засобу обліку' } as const;

// Made on the first notice, not at start: the first Intl object of a process loads ICU's data.
let plural: Intl.PluralRules | undefined;
/** "10 робочих днів", "3 календарні дні", "1 робочий день": the number agrees with its noun in Ukrainian. */
export function daysInWords(days: number, unit: 'working' | 'calendar'): string {
  const form = (plural ??= new Intl.PluralRules('uk')).select(days);
  const adjective = unit === 'working' ? 'робоч' : 'календарн';
  if (form === 'one') return `${days} ${adjective}ий день`;
  if (form === 'few') return `${days} ${adjective}і дні`;
  return `${days} ${adjective}их днів`;
}

/** The sentence with the earliest cut-off: a date once issued, else the rule it will be counted by. */
export function cutoffInWords(cutoff: NoticeCutoff): string {
  if ('on' in cutoff) return `не раніше ${formatDate(cutoff.on, 'uk')}`;
  if (cutoff.days === 0) return 'не раніше дня отримання цього попередження';
  return `не раніше ніж через ${daysInWords(cutoff.days, cutoff.unit)} від дня отримання цього попередження`;
}

/** The periods as the notice lists them, oldest first; beyond what fits, the oldest summed as "до MM.YYYY". */
export function periodLines(periods: WarningNotice['debtPeriods']): { label: string; unpaidKop: number }[] {
  const lines = periods.map((p) => ({ label: formatPeriod(p.period, 'uk'), unpaidKop: p.unpaidKop }));
  if (lines.length <= periodsShown) return lines;
  const older = periods.slice(0, periods.length - (periodsShown - 1));
  const sum = older.reduce((total, p) => total + p.unpaidKop, 0);
  return [{ label: `до ${formatPeriod(older.at(-1)!.period, 'uk')}`, unpaidKop: sum }, ...lines.slice(-(periodsShown - 1))];
}

const contacts = (branch: NoticeBranch) =>
  [branch.name, branch.address, branch.phone ? `тел. ${branch.phone}` : ''].filter((part) => part.trim() !== '').join(', ');

function body(n: WarningNotice): string {
  const cut = `В іншому разі ${service[n.commodity]} буде припинено <span class="cutoff">${esc(cutoffInWords(n.cutoff))}</span>.`;
  if (n.kind === 'non_payment') {
    const periods = periodLines(n.debtPeriods)
      .map((line) => `<div><span>${esc(line.label)}</span><span>${formatAmount(line.unpaidKop, 'uk')}</span></div>`)
      .join('');
    return `<p>Станом на ${formatDate(n.asOf, 'uk')} за особовим рахунком не сплачено за ${consumed[n.commodity]}
      <b class="debt">${formatAmount(n.debtKop ?? 0, 'uk')} грн</b>, у тому числі за періоди (грн):</p>
      <div class="periods">${periods}</div>
      <p>Просимо сплатити борг або укласти договір про його реструктуризацію. ${cut}</p>`;
  }
  const visits = n.refusedVisits.map((day) => formatDate(day, 'uk')).join(', ');
  return `<p>Під час відвідувань <b class="visits">${esc(visits)}</b> представників оператора не було допущено до засобу
      обліку (лічильника) за цією адресою.</p>
    <p>Просимо забезпечити доступ до засобу обліку. ${cut}</p>`;
}

function handedOver(n: WarningNotice): string {
  if (n.issuedHow === 'in_hand') return `<p>Попередження вручено особисто ${formatDate(n.issuedOn, 'uk')}.</p>`;
  if (n.issuedHow === 'mail') {
    return `<p>Попередження надіслано рекомендованим листом ${formatDate(n.issuedOn, 'uk')}, вважається отриманим ${formatDate(n.receivedOn, 'uk')}.</p>`;
  }
  return '';
}

/** One A5 half: who is warned and why, until when, and whom to call. */
export function noticeHtml(n: WarningNotice): string {
  const phoneAndAddress = [n.branch.address, n.branch.phone ? `тел. ${n.branch.phone}` : ''].filter(Boolean).join(', ');
  // A letter's consumer signs nothing; one handed over signs that it was.
  const receipt =
    n.issuedHow === 'mail'
      ? ''
      : '<div class="receipt">Попередження отримав(ла): ____________________ (підпис)    «___» ____________ 20___ р.</div>';
  return `<div class="notice" data-warning="${n.warningId}">
    <div class="office"><b>${esc(n.branch.name)}</b><span>${esc(phoneAndAddress)}</span></div>
    <h1>ПОПЕРЕДЖЕННЯ</h1>
    <h2>про відключення ${service[n.commodity]} ${kindTitle[n.kind]}</h2>
    <dl><dt>Споживач</dt><dd>${esc(n.fullName)}</dd>
      <dt>Адреса</dt><dd>${esc(n.address)}</dd>
      <dt>Особовий рахунок</dt><dd class="account">${esc(n.accountNumber)}</dd>
      <dt>Послуга</dt><dd>${commodityName[n.commodity]}</dd></dl>
    ${body(n)}
    ${handedOver(n)}
    <div class="contacts">Про оплату, реструктуризацію чи доступ до лічильника звертайтеся: ${esc(contacts(n.branch))}.</div>
    ${receipt}
  </div>`;
}

/** The notices two to a page, each page a `section.page` like the route sheet's, so they can follow it. */
export function noticePages(notices: readonly WarningNotice[], firstPageNo = 1): string[] {
  return chunk(notices, noticesPerPage).map(
    (pair, index) =>
      `<section class="page notices" data-page="${firstPageNo + index}">${pair.map(noticeHtml).join('<div class="cut"></div>')}</section>`,
  );
}
