import { useState } from 'react';

/**
 * Which row a form edits (none: a new one). Each opening gets a new `key`: the form is mounted
 * afresh with the row's values, and closing keeps the old one mounted while the dialog fades.
 */
export function useEditing<T>() {
  const [state, setState] = useState<{ opened: boolean; row: T | undefined; key: number }>({ opened: false, row: undefined, key: 0 });
  return {
    ...state,
    open: (row?: T) => setState((current) => ({ opened: true, row, key: current.key + 1 })),
    close: () => setState((current) => ({ ...current, opened: false })),
  };
}

/** What a form opened by `useEditing` is given. */
export interface EditFormProps<T> {
  opened: boolean;
  /** Absent for a new row. */
  row: T | undefined;
  onClose: () => void;
  onSaved: (row: T) => void;
}
