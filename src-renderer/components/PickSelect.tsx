import { Select, type SelectProps } from '@mantine/core';

/**
 * A Select tuned for typing: type part of a name, the first match is highlighted, Enter or Tab
 * takes it. No mouse needed, no extra arrow press.
 */
export function PickSelect<V extends string | number>(props: SelectProps<V>) {
  return (
    <Select<V> searchable selectFirstOptionOnChange autoSelectOnBlur allowDeselect={false} limit={300} maxDropdownHeight={320} {...props} />
  );
}
