import { Select, type ComboboxItem, type SelectProps } from '@mantine/core';
import { useLayoutEffect, useRef, useState, type FocusEvent } from 'react';

type Props<V extends string | number> = Omit<SelectProps<V>, 'data'> & { data: ComboboxItem<V>[] };

/**
 * A Select tuned for typing: type part of a name, the first match is highlighted, Enter or Tab
 * takes it. No mouse needed, no extra arrow press — and no waiting either: when the options arrive
 * after the operator has already typed (a street list still loading), Tab still takes the first match.
 */
export function PickSelect<V extends string | number>({ data, value, onChange, onSearchChange, onBlur, ...rest }: Props<V>) {
  const [search, setSearch] = useState('');
  const latest = useRef({ value, data });
  useLayoutEffect(() => {
    latest.current = { value, data };
  });

  const blur = (event: FocusEvent<HTMLInputElement>) => {
    onBlur?.(event);
    const typed = search.trim().toLocaleLowerCase('uk');
    const before = value;
    if (!typed) return;
    // After Mantine's own blur handling: if it took the highlighted option, that choice stands.
    setTimeout(() => {
      if (latest.current.value !== before) return;
      const match = latest.current.data.find((option) => option.label.toLocaleLowerCase('uk').includes(typed));
      if (match && match.value !== before) onChange?.(match.value, match);
    });
  };

  return (
    <Select<V>
      searchable
      selectFirstOptionOnChange
      autoSelectOnBlur
      allowDeselect={false}
      limit={300}
      maxDropdownHeight={320}
      data={data}
      value={value}
      onChange={onChange}
      onSearchChange={(next) => {
        setSearch(next);
        onSearchChange?.(next);
      }}
      onBlur={blur}
      {...rest}
    />
  );
}
