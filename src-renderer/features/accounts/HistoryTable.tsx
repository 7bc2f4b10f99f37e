import { ScrollArea, Table } from '@mantine/core';
import type { ReactNode } from 'react';

export interface HistoryColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
  right?: boolean;
}

/** One of the card's histories (readings, bills, payments), scrolling within its own height. */
export function HistoryTable<T>({
  height,
  columns,
  rows,
  testId,
  label,
  active,
}: {
  height: number;
  columns: HistoryColumn<T>[];
  rows: T[];
  testId?: string;
  /** The table's accessible name, when the heading around it does not give one. */
  label?: string;
  /** A row to mark (the reading under review), shown selected. */
  active?: (row: T) => boolean;
}) {
  return (
    <ScrollArea.Autosize mah={height} data-testid={testId}>
      <Table striped fz="sm" verticalSpacing={2} aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.header} ta={column.right ? 'right' : undefined}>
                {column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => (
            <Table.Tr
              key={index}
              bg={active?.(row) ? 'var(--mantine-color-yellow-light)' : undefined}
              data-active={active?.(row) || undefined}
            >
              {columns.map((column) => (
                <Table.Td key={column.header} ta={column.right ? 'right' : undefined}>
                  {column.cell(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
