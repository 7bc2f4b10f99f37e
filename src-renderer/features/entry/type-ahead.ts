import { useEffect, useEffectEvent } from 'react';

export type EntryFocus = 'value' | 'execute';

export interface Replay {
  focus: EntryFocus;
  value: string;
  /** Enter reached "Виконати": save, and keep the keys after it for the position after that. */
  commit: boolean;
  rest: string[];
}

/**
 * Keys typed while a save or a load was in flight, applied to the position now shown exactly as
 * the fields would have taken them: characters into Показник, Enter (or Tab) on to Виконати,
 * Enter there saves. Anything else (F-keys, arrows) meant nothing to the reading and is skipped.
 */
export function replayKeys(keys: readonly string[], start: { focus: EntryFocus; value: string }): Replay {
  let { focus, value } = start;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (focus === 'value') {
      if (key === 'Enter' || key === 'Tab') focus = 'execute';
      else if (key === 'Backspace') value = value.slice(0, -1);
      else if (key.length === 1) value += key;
    } else if (key === 'Enter') {
      return { focus, value, commit: true, rest: keys.slice(i + 1) };
    }
  }
  return { focus, value, commit: false, rest: [] };
}

/**
 * Every key press on the entry screen is offered to `take` before any field or hotkey sees it; a
 * key it takes goes no further. `command` marks Ctrl/Alt combinations: the screen's commands, not text.
 */
export function useKeyRouter(take: (key: string, command: boolean) => boolean) {
  const taken = useEffectEvent((key: string, command: boolean) => take(key, command));
  useEffect(() => {
    const route = (event: KeyboardEvent) => {
      if (!taken(event.key, event.ctrlKey || event.altKey || event.metaKey)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    window.addEventListener('keydown', route, true);
    return () => window.removeEventListener('keydown', route, true);
  }, []);
}
