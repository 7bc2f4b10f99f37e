/**
 * Route-sheet pagination, decided here rather than by the printer so the preview, the PDF and the
 * paper agree: fixed-height rows, a fixed number per page, and room on the last page for the
 * totals and the legend of reason codes.
 */
export const rowsPerPage = 18;
export const closingRows = 5;
export const billSlipsPerPage = 4;

export function paginate<T>(rows: readonly T[]): T[][] {
  const pages: T[][] = [];
  for (let start = 0; start < rows.length; start += rowsPerPage) pages.push(rows.slice(start, start + rowsPerPage));
  const last = pages.at(-1);
  // The totals and legend never start a page on their own unless the rows leave them no room.
  if (!last || last.length > rowsPerPage - closingRows) pages.push([]);
  return pages;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
