import { useRef, useState } from 'react';
import { useStatus } from '../app/status';
import { useI18n } from '../i18n/i18n';
import { download } from './download';
import type { SheetParts } from './SheetPreview';
import { useAction } from './use-action';

/**
 * What a printed sheet's screen does with it (a route sheet, a day's sheets): the parts that go
 * with it, printing — by the host where it can, else by the preview frame — and saving the PDF.
 */
export function useSheetOutput(output: {
  print: (parts: SheetParts) => Promise<{ printedByHost: boolean }>;
  pdf: (parts: SheetParts) => Promise<{ fileName: string; base64: string; pages: number }>;
}) {
  const { t } = useI18n();
  const status = useStatus();
  const frame = useRef<HTMLIFrameElement>(null);
  const [parts, setParts] = useState<SheetParts>({ includeBills: false, includeWarnings: false });
  const { run, busy, error } = useAction();
  const print = () =>
    run(async () => {
      const { printedByHost } = await output.print(parts);
      if (!printedByHost) frame.current?.contentWindow?.print();
    });
  const savePdf = () =>
    run(async () => {
      const pdf = await output.pdf(parts);
      download(pdf.base64, pdf.fileName, 'application/pdf');
      status.show(t('sheet.pdfSaved', { file: pdf.fileName, pages: pdf.pages }));
    });
  return { frame, parts, setParts, print, savePdf, busy, error };
}
