import { Button, Kbd } from '@mantine/core';
import { useHotkeys } from '../app/hotkeys';
import { useI18n } from '../i18n/i18n';

interface Props {
  onPrint: () => unknown;
  onPdf: () => unknown;
  busy: boolean;
  disabled?: boolean;
  /** The screen's first action: Enter on it prints. */
  autoFocus?: boolean;
}

/** «Друк» (Ctrl+P) and «PDF» (Ctrl+S), the same on every screen that prints. */
export function PrintButtons({ onPrint, onPdf, busy, disabled = false, autoFocus = false }: Props) {
  const { t } = useI18n();
  useHotkeys({ 'ctrl+p': () => void onPrint(), 'ctrl+s': () => void onPdf() }, { enabled: !disabled });
  return (
    <>
      <Button
        onClick={() => void onPrint()}
        loading={busy}
        disabled={disabled}
        rightSection={<Kbd size="xs">Ctrl+P</Kbd>}
        autoFocus={autoFocus}
      >
        {t('sheet.print')}
      </Button>
      <Button variant="default" onClick={() => void onPdf()} loading={busy} disabled={disabled} rightSection={<Kbd size="xs">Ctrl+S</Kbd>}>
        {t('sheet.pdf')}
      </Button>
    </>
  );
}
