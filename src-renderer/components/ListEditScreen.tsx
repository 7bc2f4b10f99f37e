import { Fragment, useState, type ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { useHotkeys } from '../app/hotkeys';
import { useStatus } from '../app/status';
import { useI18n } from '../i18n/i18n';
import { DataTable, type Column } from './DataTable';
import { EditActions } from './EditActions';
import { ErrorAlert } from './ErrorAlert';
import { Screen } from './Screen';
import { DeleteButton, useConfirmedDelete } from './use-confirmed-delete';
import { useEditing, type EditFormProps } from './use-editing';

interface Props<T> {
  title: string;
  testId: string;
  columns: Column<T>[];
  rows: T[] | undefined;
  error: ApiError | null;
  /** How the status line names a saved row. */
  savedName: (row: T) => string;
  form: (props: EditFormProps<T>) => ReactNode;
  /** A list whose rows may be deleted: Delete asks `question`, then `remove` answers what the status line says. */
  deletion?: { question: (row: T) => ReactNode; remove: (row: T) => Promise<string> };
}

const noDeletion = { question: () => null, remove: () => Promise.resolve('') };

/**
 * A short directory on one page: Insert adds, F2 or Enter edits the active row, Delete removes it
 * when the list allows it, the status line says what was saved.
 */
export function ListEditScreen<T extends { id: number }>({
  title,
  testId,
  columns,
  rows = [],
  error,
  savedName,
  form,
  deletion,
}: Props<T>) {
  const { t } = useI18n();
  const status = useStatus();
  const [active, setActive] = useState<T | undefined>();
  const editing = useEditing<T>();
  const edit = () => active && editing.open(active);
  const deleting = useConfirmedDelete<T>(deletion ?? noDeletion);
  useHotkeys({ insert: () => editing.open(), f2: edit, ...(deletion ? { delete: () => deleting.ask(active) } : {}) });
  return (
    <Screen
      title={title}
      actions={
        <>
          <EditActions onAdd={() => editing.open()} onEdit={edit} canEdit={!!active} />
          {deletion && <DeleteButton disabled={!active} onClick={() => deleting.ask(active)} />}
        </>
      }
    >
      <ErrorAlert error={error ?? deleting.error} />
      <DataTable
        label={title}
        testId={testId}
        columns={columns}
        rows={rows}
        rowKey={(row) => row.id}
        onActiveChange={setActive}
        onOpen={editing.open}
      />
      <Fragment key={editing.key}>
        {form({
          opened: editing.opened,
          row: editing.row,
          onClose: editing.close,
          onSaved: (saved) => {
            editing.close();
            status.show(`${t('common.saved')}: ${savedName(saved)}`);
          },
        })}
      </Fragment>
      {deletion && deleting.dialog}
    </Screen>
  );
}
