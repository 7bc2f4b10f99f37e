import { Button, Checkbox, Group, Table, Text } from '@mantine/core';
import { memo, useEffect, useEffectEvent, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  width?: number | string;
  align?: 'left' | 'right' | 'center';
}

interface Props<T> {
  label: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => number | string;
  /**
   * A page of a longer list; left out, the rows are the whole list. While its first page is still
   * on its way the table says so (aria-busy), rather than "nothing found".
   */
  page?: { total: number; offset: number; limit: number; loading?: boolean; onOffsetChange: (offset: number) => void };
  onOpen?: (row: T) => void;
  onActiveChange?: (row: T | undefined) => void;
  /**
   * The active row's key, for a list whose rows change places (the walk sequence): the active row
   * stays on that row wherever it moves. The screen keeps it from onActiveChange.
   */
  activeKey?: number | string;
  /** With selection: Space ticks the active row. */
  selected?: ReadonlySet<number | string>;
  onToggle?: (row: T) => void;
  emptyText?: ReactNode;
  testId?: string;
}

/**
 * A table driven by the keyboard: arrows move the active row, Enter opens it, Space ticks it,
 * PgUp/PgDn change page. Pages come from the core, so a 200k-row list costs one page of rows.
 */
export function DataTable<T>(props: Props<T>) {
  const { t } = useI18n();
  const { rows } = props;
  const { total, offset, limit } = props.page ?? { total: rows.length, offset: 0, limit: Math.max(rows.length, 1) };
  const [chosen, setActive] = useState(0);
  const keyed = props.activeKey === undefined ? -1 : rows.findIndex((row) => props.rowKey(row) === props.activeKey);
  // New rows (a page, a search) may be fewer: the active row is the nearest one left.
  const active = keyed >= 0 ? keyed : Math.min(chosen, Math.max(0, rows.length - 1));
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;

  const reportActive = useEffectEvent((row: T | undefined) => props.onActiveChange?.(row));
  useEffect(() => {
    reportActive(rows[active]);
    bodyRef.current?.querySelector<HTMLElement>(`[data-row="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active, rows]);

  const goPage = (delta: number) => {
    const next = offset + delta * limit;
    if (next < 0 || next >= total || !props.page) return;
    props.page.onOffsetChange(next);
    setActive(delta > 0 ? 0 : limit - 1);
  };

  // The screen hears of the move in the same keystroke, not after the next render: a hotkey typed
  // right behind an arrow (↓ then F4) must act on the row the arrow reached.
  const move = (index: number) => {
    setActive(index);
    props.onActiveChange?.(rows[index]);
  };

  // Clicks are heard once for the body, so a row's own props are only its data: a long list
  // re-renders the two rows whose state changed when the cursor moves, not every row.
  const rowOf = (event: MouseEvent<HTMLElement>) => {
    const index = Number((event.target as HTMLElement).closest<HTMLElement>('tr[data-row]')?.dataset.row);
    return Number.isInteger(index) && rows[index] !== undefined ? index : undefined;
  };
  const onBodyClick = (event: MouseEvent<HTMLElement>) => {
    const index = rowOf(event);
    if (index === undefined) return;
    if ((event.target as HTMLElement).closest('input[type="checkbox"]')) props.onToggle?.(rows[index]!);
    move(index);
  };
  const onBodyDoubleClick = (event: MouseEvent<HTMLElement>) => {
    const index = rowOf(event);
    if (index !== undefined) props.onOpen?.(rows[index]!);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => (active < rows.length - 1 ? move(active + 1) : goPage(1)),
      ArrowUp: () => (active > 0 ? move(active - 1) : goPage(-1)),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      PageDown: () => goPage(1),
      PageUp: () => goPage(-1),
      Enter: () => rows[active] && props.onOpen?.(rows[active]),
      ' ': () => rows[active] && props.onToggle?.(rows[active]),
    };
    const action = keys[event.key];
    if (action && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      action();
    }
  };

  return (
    <div>
      <div
        className="data-table"
        tabIndex={0}
        role="grid"
        aria-label={props.label}
        aria-rowcount={total}
        aria-busy={props.page?.loading ?? false}
        aria-activedescendant={rows.length ? `${props.testId ?? 'table'}-row-${active}` : undefined}
        onKeyDown={onKeyDown}
        data-testid={props.testId}
      >
        <Table striped highlightOnHover stickyHeader verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              {props.onToggle && <Table.Th w={36} />}
              {props.columns.map((column) => (
                <Table.Th key={column.key} w={column.width} ta={column.align}>
                  {column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody ref={bodyRef} onClick={onBodyClick} onDoubleClick={onBodyDoubleClick}>
            {rows.map((row, index) => {
              const key = props.rowKey(row);
              return (
                <TableRow
                  key={key}
                  row={row}
                  index={index}
                  id={`${props.testId ?? 'table'}-row-${index}`}
                  active={index === active}
                  ticked={props.onToggle ? (props.selected?.has(key) ?? false) : undefined}
                  tickLabel={String(key)}
                  columns={props.columns}
                />
              );
            })}
          </Table.Tbody>
        </Table>
        {rows.length === 0 && (
          <Text c="dimmed" ta="center" py="md">
            {props.page?.loading ? t('app.loading') : (props.emptyText ?? t('common.empty'))}
          </Text>
        )}
      </div>
      <Group justify="space-between" mt="xs">
        <Text size="xs" c="dimmed">
          {t('common.total', { total })} · {t('common.keysTable')}
        </Text>
        {pages > 1 && (
          <Group gap="xs">
            <Button size="compact-xs" variant="default" tabIndex={-1} disabled={page <= 1} onClick={() => goPage(-1)}>
              {t('common.prev')}
            </Button>
            <Text size="xs">{t('common.page', { page, pages })}</Text>
            <Button size="compact-xs" variant="default" tabIndex={-1} disabled={page >= pages} onClick={() => goPage(1)}>
              {t('common.next')}
            </Button>
          </Group>
        )}
      </Group>
    </div>
  );
}

interface RowProps<T> {
  row: T;
  index: number;
  id: string;
  active: boolean;
  /** Whether its box is ticked; undefined for a table without ticking. */
  ticked: boolean | undefined;
  tickLabel: string;
  columns: Column<T>[];
}

/** One row, drawn again only when its data, its place, its state or the columns change. */
function TableRowOf<T>({ row, index, id, active, ticked, tickLabel, columns }: RowProps<T>) {
  return (
    <Table.Tr id={id} data-row={index} aria-selected={active} className={active ? 'row-active' : undefined}>
      {ticked !== undefined && (
        <Table.Td>
          {/* The body's click handler ticks it (see onBodyClick). */}
          <Checkbox tabIndex={-1} size="xs" aria-label={tickLabel} checked={ticked} readOnly />
        </Table.Td>
      )}
      {columns.map((column) => (
        <Table.Td key={column.key} ta={column.align}>
          {column.render(row)}
        </Table.Td>
      ))}
    </Table.Tr>
  );
}
const TableRow = memo(TableRowOf) as typeof TableRowOf;
