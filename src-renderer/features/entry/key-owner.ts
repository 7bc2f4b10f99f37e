/**
 * Who takes a key on the entry screen. One phase at a time, and each key has exactly one owner:
 * - typing: the focused field (Показник, Виконати, the reason list) takes it as usual;
 * - waiting: a save or load is in flight, so the key is kept for the position that comes next;
 * - asking: a plausibility question is open. Only deliberate keys answer it (its own accept key,
 *   the re-type key, Esc). Digits and Enter are the loop's rhythm: they mean the operator typed on
 *   without looking, so they are dropped and counted, and can never accept the value;
 * - retyping: the operator chose to type the value again; the re-type field takes the keys.
 */
export type Phase = 'typing' | 'waiting' | 'asking' | 'retyping';

export type KeyOwner = 'field' | 'queue' | 'accept' | 'retype' | 'cancel' | 'dropped' | 'swallowed';

/** Shown on the dialog's buttons; neither is ever pressed in the rhythm of the loop. */
export const acceptKey = 'F2';
export const retypeKey = 'F4';

const modifierKeys = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph']);

const isRhythm = (key: string) => key.length === 1 || key === 'Enter' || key === 'Tab' || key === 'Backspace';

export function ownerOf(phase: Phase, key: string, command = false): KeyOwner {
  if (modifierKeys.has(key)) return 'field';
  // Commands (Ctrl+G, …) act on a settled screen only; mid-save or mid-question they are void.
  if (command) return phase === 'typing' || phase === 'retyping' ? 'field' : 'swallowed';
  switch (phase) {
    case 'typing':
      return 'field';
    case 'waiting':
      return 'queue';
    case 'retyping':
      return key === 'Escape' ? 'cancel' : 'field';
    case 'asking':
      if (key === acceptKey) return 'accept';
      if (key === retypeKey) return 'retype';
      if (key === 'Escape') return 'cancel';
      return isRhythm(key) ? 'dropped' : 'swallowed';
  }
}

/** How many readings a run of dropped keys held: each unbroken run of digits is one. */
export function readingsIn(keys: readonly string[]): number {
  let count = 0;
  let inNumber = false;
  for (const key of keys) {
    const digit = key.length === 1 && key >= '0' && key <= '9';
    if (digit && !inNumber) count++;
    inNumber = digit;
  }
  return count;
}
