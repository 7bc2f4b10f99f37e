import { Button, Kbd } from '@mantine/core';
import { useApi } from '../../api/context';
import { useRead } from '../../api/use-read';
import { useHotkeys } from '../../app/hotkeys';
import { useRouter } from '../../app/router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SheetPreview } from '../../components/SheetPreview';
import { PrintButtons } from '../../components/PrintButtons';
import { Screen } from '../../components/Screen';
import { useSheetOutput } from '../../components/use-sheet-output';
import { useI18n } from '../../i18n/i18n';

/**
 * The day's route sheets in one document, as they will print: Ctrl+P prints them in one job,
 * Ctrl+S saves one PDF, Esc goes back to the day's plans. Each sheet numbers its own pages.
 */
export function PlanSheetsScreen({ taskIds }: { taskIds: number[] }) {
  const { t } = useI18n();
  const api = useApi();
  const { go } = useRouter();
  const output = useSheetOutput({
    print: (chosen) => api.call('print.sheets', { taskIds, ...chosen }),
    pdf: (chosen) => api.call('print.sheetsPdf', { taskIds, ...chosen }),
  });
  const sheets = useRead('tasks.sheets', { taskIds, ...output.parts });
  const back = () => go({ name: 'plans' });
  useHotkeys({ esc: back });

  return (
    <Screen
      title={t('planSheets.title', { count: taskIds.length })}
      actions={
        <>
          <Button variant="default" onClick={back} rightSection={<Kbd size="xs">Esc</Kbd>}>
            {t('planSheets.toPlans')}
          </Button>
          <PrintButtons onPrint={output.print} onPdf={output.savePdf} busy={output.busy} disabled={!sheets.data} autoFocus />
        </>
      }
    >
      <ErrorAlert error={sheets.error ?? output.error} />
      <SheetPreview
        parts={output.parts}
        onParts={output.setParts}
        document={sheets.data}
        frame={output.frame}
        frameTitle={t('planSheets.frameTitle')}
        testId="sheets"
      />
    </Screen>
  );
}
