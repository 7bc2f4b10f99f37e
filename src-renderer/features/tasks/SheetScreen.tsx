import { Button } from '@mantine/core';
import { formatDate } from '../../../shared/i18n/format';
import { useApi } from '../../api/context';
import { useRead } from '../../api/use-read';
import { useRouter } from '../../app/router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SheetPreview } from '../../components/SheetPreview';
import { Screen } from '../../components/Screen';
import { useSheetOutput } from '../../components/use-sheet-output';
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
  const output = useSheetOutput({
    print: (chosen) => api.call('print.sheet', { taskId, ...chosen }),
    pdf: (chosen) => api.call('print.sheetPdf', { taskId, ...chosen }),
  });
  const task = useRead('tasks.get', { id: taskId });
  const sheet = useRead('tasks.sheet', { taskId, ...output.parts });

  const info = task.data;
  return (
    <Screen
      title={info ? t('sheet.title', { number: info.routeNumber, date: formatDate(info.taskDate, locale) }) : t('tasks.openSheet')}
      actions={
        <>
          <Button variant="default" onClick={() => go({ name: 'tasks' })}>
            {t('tasks.toList')}
          </Button>
          <PrintButtons onPrint={output.print} onPdf={output.savePdf} busy={output.busy} autoFocus />
        </>
      }
    >
      <ErrorAlert error={task.error ?? sheet.error ?? output.error} />
      <SheetPreview
        parts={output.parts}
        onParts={output.setParts}
        document={sheet.data}
        frame={output.frame}
        frameTitle={t('sheet.frameTitle')}
        testId="sheet"
      />
    </Screen>
  );
}
