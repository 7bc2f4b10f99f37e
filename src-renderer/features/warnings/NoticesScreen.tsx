import { Button, Group, Kbd, Text } from '@mantine/core';
import { useRef } from 'react';
import type { NoticeOptions } from '../../../shared/contract/notices';
import { access, allows } from '../../../shared/contract/access';
import { useApi } from '../../api/context';
import { useAuth } from '../../app/AuthGate';
import { useRead } from '../../api/use-read';
import { useHotkeys } from '../../app/hotkeys';
import { useRouter } from '../../app/router';
import { useStatus } from '../../app/status';
import { download } from '../../components/download';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Screen } from '../../components/Screen';
import { useAction } from '../../components/use-action';
import { useI18n } from '../../i18n/i18n';
import { PrintButtons } from '../../components/PrintButtons';

/**
 * Попередження про відключення as they will print, two to an A4 page: the core's HTML in a frame
 * without scripts, as the route sheet is shown. Ctrl+P prints, Ctrl+S saves the PDF, Esc goes back
 * to where the notices were asked for (the register, or the list of tasks).
 */
export function NoticesScreen({ of }: { of: NoticeOptions }) {
  const { t } = useI18n();
  const api = useApi();
  const { go } = useRouter();
  const status = useStatus();
  const frame = useRef<HTMLIFrameElement>(null);
  const { run, busy, error: actionError } = useAction();
  const notices = useRead('warnings.notices', of);
  const forTask = 'taskId' in of;
  // Anyone may look at the notices; printing them is a master's (the main process refuses it anyway).
  const { user } = useAuth();
  const mayPrint = allows(user.role, access['print.notices']);
  const back = () => go(forTask ? { name: 'tasks' } : { name: 'warnings' });

  const print = () =>
    run(async () => {
      const { printedByHost } = await api.call('print.notices', of);
      if (!printedByHost) frame.current?.contentWindow?.print();
    });
  const savePdf = () =>
    run(async () => {
      const pdf = await api.call('print.noticesPdf', of);
      download(pdf.base64, pdf.fileName, 'application/pdf');
      status.show(t('notices.pdfSaved', { file: pdf.fileName, pages: pdf.pages }));
    });
  useHotkeys({ esc: back });

  return (
    <Screen
      title={t('notices.title')}
      actions={
        <>
          <Button variant="default" onClick={back} rightSection={<Kbd size="xs">Esc</Kbd>}>
            {forTask ? t('tasks.toList') : t('notices.toRegister')}
          </Button>
          {mayPrint && <PrintButtons onPrint={print} onPdf={savePdf} busy={busy} disabled={!notices.data} autoFocus />}
        </>
      }
    >
      <Group gap="lg">
        {notices.data && (
          <Text size="sm" c="dimmed" data-testid="notices-summary">
            {t('notices.summary', { notices: notices.data.notices, pages: notices.data.pages })}
          </Text>
        )}
      </Group>
      <ErrorAlert error={notices.error ?? actionError} />
      {notices.data && (
        <iframe
          ref={frame}
          title={t('notices.frameTitle')}
          className="sheet-frame"
          sandbox="allow-same-origin allow-modals"
          srcDoc={notices.data.html}
          data-testid="notices-frame"
        />
      )}
    </Screen>
  );
}
