import hotkeys, { type KeyHandler } from 'hotkeys-js';
import { useEffect, useEffectEvent } from 'react';

// Operators keep the cursor in a field while they work, so hotkeys must fire there too.
hotkeys.filter = () => true;

const modalOpen = () => document.querySelector('[role="dialog"]') !== null;

const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** F-keys, Insert, PgUp/PgDn and chords mean nothing to a text field; a bare Delete or letter does, so it stays the field's. */
const safeInFields = (key: string) => /^f\d+$|^insert$|^esc$|^page(up|down)$|[+]/.test(key);

/**
 * Screen hotkeys (the middle layer: app commands above, field keys below). hotkeys-js matches
 * letters by physical key (event.code), so they work with the Ukrainian layout active.
 * Nothing fires under an open modal unless a binding asks for it.
 */
export function useHotkeys(
  bindings: Record<string, (event: KeyboardEvent) => void>,
  options: { enabled?: boolean; inModal?: boolean } = {},
) {
  // The handlers change every render; the keys bound change only when the set of keys does.
  const fire = useEffectEvent((key: string, event: KeyboardEvent) => bindings[key]?.(event));
  const keys = Object.keys(bindings).join('|');
  const enabled = options.enabled ?? true;
  const inModal = options.inModal ?? false;
  useEffect(() => {
    if (!enabled) return;
    const handlers: [string, KeyHandler][] = keys
      .split('|')
      .filter(Boolean)
      .map((key) => [
        key,
        (event) => {
          if (!inModal && modalOpen()) return;
          if (!safeInFields(key) && isEditable(event.target)) return;
          event.preventDefault();
          fire(key, event);
        },
      ]);
    for (const [key, handler] of handlers) hotkeys(key, handler);
    return () => {
      for (const [key, handler] of handlers) hotkeys.unbind(key, handler);
    };
  }, [keys, enabled, inModal]);
}
