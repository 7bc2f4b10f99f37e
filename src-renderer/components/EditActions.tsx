import { Button, Kbd } from '@mantine/core';
import { useI18n } from '../i18n/i18n';

/** Add (Insert) and Edit (F2), the pair every directory screen offers; the screen binds the keys. */
export function EditActions({ onAdd, onEdit, canEdit }: { onAdd: () => void; onEdit: () => void; canEdit: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Button onClick={onAdd} rightSection={<Kbd size="xs">Ins</Kbd>}>
        {t('common.add')}
      </Button>
      <Button variant="default" disabled={!canEdit} onClick={onEdit} rightSection={<Kbd size="xs">F2</Kbd>}>
        {t('common.edit')}
      </Button>
    </>
  );
}
