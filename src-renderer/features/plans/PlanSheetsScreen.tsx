import { Button, Kbd } from '@mantine/core';
import { useRef, useState } from 'react';
import { useApi } from '../../api/context';
import { useRead } from '../../api/use-read';
import { useHotkeys } from '../../app/hotkeys';
import { useRouter } from '../../app/router';
import { useStatus } from '../../app/status';
import { download } from '../../components/download';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SheetPreview, type SheetParts } from '../../components/SheetPreview';
import { PrintButtons } from '../../components/PrintButtons';
import { Screen } from '../../components/Screen';
import { useAction } from '../../components/use-action';
import { useI18n } from '../../i18n/i18n';

/**
 * The day's route sheets in one document, as they will print: Ctrl+P prints them in one job,
 * Ctrl+S saves one PDF, Esc goes back to the day's plans. Each sheet numbers its own pages.
 */
export function PlanSheetsScreen({ taskIds }: { taskIds: number[] }) {
  const { t } = useI18n();
  const api = useApi();
  const { go } = useRouter();
  const status = useStatus();
  const frame = useRef<HTMLIFrameElement>(null);
  const [parts, setParts] = useState<SheetParts>({ includeBills: false, includeWarnings: false });
  const { run, busy, error: actionError } = useAction();
  const options = { taskIds, ...parts };
  const sheets = useRead('tasks.sheets', options);
  const back = () => go({ name: 'plans' });
  useHotkeys({ esc: back });

  const print = () =>
    run(async () => {
      const { printedByHost } = await api.call('print.sheets', options);
      if (!printedByHost) frame.current?.contentWindow?.print();
    });
  const savePdf = () =>
    run(async () => {
      const pdf = await api.call('print.sheetsPdf', options);
      download(pdf.base64, pdf.fileName, 'application/pdf');
      status.show(t('sheet.pdfSaved', { file: pdf.fileName, pages: pdf.pages }));
    });

  return (
    <Screen
      title={t('planSheets.title', { count: taskIds.length })}
      actions={
        <>
          <Button variant="default" onClick={back} rightSection={<Kbd size="xs">Esc</Kbd>}>
            {t('planSheets.toPlans')}
          </Button>
          <PrintButtons onPrint={print} onPdf={savePdf} busy={busy} disabled={!sheets.data} autoFocus />
        </>
      }
    >
      <ErrorAlert error={sheets.error ?? actionError} />
      <SheetPreview
        parts={parts}
        onParts={setParts}
        document={sheets.data}
        frame={frame}
        frameTitle={t('planSheets.frameTitle')}
        testId="sheets"
      />
    </Screen>
  );
}
