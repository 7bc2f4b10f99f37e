import { useLayoutEffect, useRef } from 'react';

/**
 * Put inside a dialog: focuses its [data-autofocus] element the moment the dialog is in the DOM,
 * before the browser handles the next key, and gives the focus back when the dialog goes.
 * Operators press Delete, Enter (or Insert, digits) without waiting; the second key must reach
 * the dialog, not the screen behind it, and the key after the dialog must reach that screen.
 */
export function FocusNow() {
  const marker = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const previous = document.activeElement;
    marker.current?.closest('[role="dialog"]')?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, []);
  return <span ref={marker} hidden />;
}
