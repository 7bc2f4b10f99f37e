import { Select, type ComboboxItem, type SelectProps } from '@mantine/core';
import { useEffect, useLayoutEffect, useRef, useState, type FocusEvent } from 'react';

type Props<V extends string | number> = Omit<SelectProps<V>, 'data'> & { data: ComboboxItem<V>[] };

const firstMatch = <V extends string | number>(options: ComboboxItem<V>[], typed: string) =>
  options.find((option) => option.label.toLocaleLowerCase('uk').includes(typed));

/**
 * A Select tuned for typing: type part of a name, the first match is highlighted, Enter or Tab
 * takes it. No mouse, no extra arrow press — and no waiting: when the options arrive only after the
 * operator has typed (a street list still loading), even after Tab has moved on, the first match of
 * what was typed is taken then.
 */
export function PickSelect<V extends string | number>({ data, value, onChange, onSearchChange, onBlur, onFocus, ...rest }: Props<V>) {
  const [search, setSearch] = useState('');
  /** Text typed and left with Tab before any option matched it: taken once one does. */
  const waiting = useRef<string | null>(null);
  const latest = useRef({ value, data });
  useLayoutEffect(() => {
    latest.current = { value, data };
  });

  useEffect(() => {
    const typed = waiting.current;
    const match = typed === null ? undefined : firstMatch(data, typed);
    if (!match) return;
    waiting.current = null;
    if (match.value !== value) onChange?.(match.value, match);
  }, [data, value, onChange]);

  const blur = (event: FocusEvent<HTMLInputElement>) => {
    onBlur?.(event);
    const typed = search.trim().toLocaleLowerCase('uk');
    const before = value;
    if (!typed) return;
    // After Mantine's own blur handling: if it took the highlighted option, that choice stands.
    setTimeout(() => {
      if (latest.current.value !== before) return;
      const match = firstMatch(latest.current.data, typed);
      if (!match) waiting.current = typed;
      else if (match.value !== before) onChange?.(match.value, match);
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
      onFocus={(event) => {
        // Back in the field, the operator decides again: nothing typed earlier is still waiting.
        waiting.current = null;
        onFocus?.(event);
      }}
      onBlur={blur}
      {...rest}
    />
  );
}
