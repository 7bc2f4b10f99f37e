import { useEffect, useEffectEvent, useRef } from 'react';

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

const modifierKeys = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph']);

/**
 * While `busy()` says a save or load is in flight, every key press is taken before any field or
 * hotkey sees it and kept, in order, for the position that comes next.
 */
export function useKeyQueue(busy: () => boolean) {
  const queue = useRef<string[]>([]);
  const isBusy = useEffectEvent(() => busy());
  useEffect(() => {
    const take = (event: KeyboardEvent) => {
      if (!isBusy() || modifierKeys.has(event.key)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (!event.ctrlKey && !event.altKey && !event.metaKey) queue.current.push(event.key);
    };
    window.addEventListener('keydown', take, true);
    return () => window.removeEventListener('keydown', take, true);
  }, []);
  return queue;
}
