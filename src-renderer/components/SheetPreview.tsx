import { Checkbox, Group, Text } from '@mantine/core';
import type { Ref } from 'react';
import { useI18n } from '../i18n/i18n';

export interface SheetParts {
  includeBills: boolean;
  includeWarnings: boolean;
}

interface Props {
  parts: SheetParts;
  onParts: (parts: SheetParts) => void;
  /** The core's document, once read: its HTML, pages and positions. */
  document: { html: string; pages: number; positions: number } | undefined;
  frame: Ref<HTMLIFrameElement>;
  frameTitle: string;
  /** Prefix of the test ids of the pages line and the frame ("sheet" → sheet-pages, sheet-frame). */
  testId: string;
}

/**
 * A route sheet (or a day's sheets) as it will print: what goes with it, how many pages, and the
 * core's HTML in a frame without scripts — print and PDF use the same HTML.
 */
export function SheetPreview({ parts, onParts, document, frame, frameTitle, testId }: Props) {
  const { t } = useI18n();
  return (
    <>
      <Group gap="lg">
        <Checkbox
          label={t('sheet.includeBills')}
          checked={parts.includeBills}
          onChange={(e) => onParts({ ...parts, includeBills: e.currentTarget.checked })}
        />
        <Checkbox
          label={t('sheet.includeWarnings')}
          checked={parts.includeWarnings}
          onChange={(e) => onParts({ ...parts, includeWarnings: e.currentTarget.checked })}
        />
        {document && (
          <Text size="sm" c="dimmed" data-testid={`${testId}-pages`}>
            {t('sheet.pages', { pages: document.pages, positions: document.positions })}
          </Text>
        )}
      </Group>
      {document && (
        <iframe
          ref={frame}
          title={frameTitle}
          className="sheet-frame"
          sandbox="allow-same-origin allow-modals"
          srcDoc={document.html}
          data-testid={`${testId}-frame`}
        />
      )}
    </>
  );
}
