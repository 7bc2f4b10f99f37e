/**
 * What every printed document shares: A4 portrait pages of fixed height in millimetres, so the
 * preview, the PDF and the paper agree, and HTML escaping for the values put into them.
 */

const escapeMap: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (value: string | number | null | undefined) => String(value ?? '').replace(/[&<>"']/g, (ch) => escapeMap[ch]!);

/** A page is a `section.page`: 190 × 276 mm inside 10 mm margins (1 mm spare so no page spills onto another). */
export const a4PageStyle = `
@page { size: A4 portrait; margin: 10mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 7.5pt; color: #000; }
.page { width: 190mm; height: 276mm; overflow: hidden; display: flex; flex-direction: column; break-after: page; }
.page:last-child { break-after: auto; }
@media screen {
  body { background: #868e96; padding: 6mm 0; }
  .page { background: #fff; width: 210mm; height: 297mm; padding: 10mm; margin: 0 auto 6mm; box-shadow: 0 1mm 3mm rgba(0,0,0,.4); }
}
`;

/** Landscape lists that run over as many pages as their rows need (registers, an order for the crew). */
export const a4LandscapeListStyle = `
@page { size: A4 landscape; margin: 10mm; }
* { box-sizing: border-box; }
body { font: 9pt/1.25 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; margin: 0; }
.page { break-after: page; }
.page:last-child { break-after: auto; }
header { display: flex; justify-content: space-between; align-items: flex-start; margin-bottom: 3mm; }
h1 { font-size: 12pt; margin: 0 0 1mm; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 0.3mm solid #555; padding: 0.8mm 1.2mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #eee; font-weight: 600; }
td.num { text-align: right; white-space: nowrap; }
`;

/** One printable document: its pages, one after another. */
export const printDocument = ({ lang, title, style, pages }: { lang: string; title: string; style: string; pages: readonly string[] }) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<title>${esc(title)}</title><style>${style}</style></head>
<body>${pages.join('\n')}</body></html>`;
