/**
 * ExcelJS, loaded when a file is first read or written as XLSX: it is the heaviest module of the
 * main process (some 250 ms to load), and a workstation that never imports or exports XLSX in a
 * session should not wait for it at start.
 */
export async function excel() {
  return (await import('exceljs')).default;
}
