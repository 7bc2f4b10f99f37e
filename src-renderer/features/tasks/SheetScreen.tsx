import { Button } from '@mantine/core';
import { useRef, useState } from 'react';
import { formatDate } from '../../../shared/i18n/format';
import { useApi } from '../../api/context';
import { useRead } from '../../api/use-read';
import { useRouter } from '../../app/router';
import { useStatus } from '../../app/status';
import { download } from '../../components/download';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SheetPreview, type SheetParts } from '../../components/SheetPreview';
import { Screen } from '../../components/Screen';
import { useAction } from '../../components/use-action';
import { useI18n } from '../../i18n/i18n';
import { PrintButtons } from '../../components/PrintButtons';

/**
 * The route sheet as it will print: the core's HTML in a frame without scripts. Print (Ctrl+P)
 * and PDF (Ctrl+S) use the same HTML, so what is shown is what comes out.
 */
export function SheetScreen({ taskId }: { taskId: number }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { go } = useRouter();
  const status = useStatus();
  const frame = useRef<HTMLIFrameElement>(null);
  const [parts, setParts] = useState<SheetParts>({ includeBills: false, includeWarnings: false });
  const { run, busy, error: actionError } = useAction();
  const task = useRead('tasks.get', { id: taskId });
  const options = { taskId, ...parts };
  const sheet = useRead('tasks.sheet', options);

  const print = () =>
    run(async () => {
      const { printedByHost } = await api.call('print.sheet', options);
      if (!printedByHost) frame.current?.contentWindow?.print();
    });
  const savePdf = () =>
    run(async () => {
      const pdf = await api.call('print.sheetPdf', options);
      download(pdf.base64, pdf.fileName, 'application/pdf');
      status.show(t('sheet.pdfSaved', { file: pdf.fileName, pages: pdf.pages }));
    });

  const info = task.data;
  return (
    <Screen
      title={info ? t('sheet.title', { number: info.routeNumber, date: formatDate(info.taskDate, locale) }) : t('tasks.openSheet')}
      actions={
        <>
          <Button variant="default" onClick={() => go({ name: 'tasks' })}>
            {t('tasks.toList')}
          </Button>
          <PrintButtons onPrint={print} onPdf={savePdf} busy={busy} autoFocus />
        </>
      }
    >
      <ErrorAlert error={task.error ?? sheet.error ?? actionError} />
      <SheetPreview
        parts={parts}
        onParts={setParts}
        document={sheet.data}
        frame={frame}
        frameTitle={t('sheet.frameTitle')}
        testId="sheet"
      />
    </Screen>
  );
}
