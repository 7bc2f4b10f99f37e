import { useEffect, useLayoutEffect, useRef } from 'react';

/**
 * Put inside a dialog: focuses its [data-autofocus] element the moment the dialog is in the DOM,
 * before the browser handles the next key, and gives the focus back when the dialog goes.
 * Operators press Delete, Enter (or Insert, digits) without waiting; the second key must reach
 * the dialog, not the screen behind it, and the key after the dialog must reach that screen.
 *
 * Mantine's focus trap focuses [data-autofocus] once more a task or two after the dialog opens. A
 * typist who has already pressed Tab would be thrown back to the first field, so while the trap
 * may still do that, a return to it from another field of the dialog is undone.
 */
export function FocusNow() {
  const marker = useRef<HTMLSpanElement>(null);
  const listening = useRef<(() => void) | null>(null);
  useLayoutEffect(() => {
    const previous = document.activeElement;
    const dialog = marker.current?.closest<HTMLElement>('[role="dialog"]');
    const first = dialog?.querySelector<HTMLElement>('[data-autofocus]');
    first?.focus();
    let away: HTMLElement | null = null;
    const onFocusIn = (event: FocusEvent) => {
      if (event.target !== first) away = event.target instanceof HTMLElement ? event.target : null;
      else if (away?.isConnected) away.focus();
    };
    dialog?.addEventListener('focusin', onFocusIn);
    listening.current = () => dialog?.removeEventListener('focusin', onFocusIn);
    return () => {
      listening.current?.();
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, []);
  useEffect(() => {
    // The trap's own timers are set in this commit and the effects after this one; two tasks on, they have run.
    let inner: ReturnType<typeof setTimeout> | undefined;
    const outer = setTimeout(() => {
      inner = setTimeout(() => listening.current?.());
    });
    return () => {
      clearTimeout(outer);
      clearTimeout(inner);
    };
  }, []);
  return <span ref={marker} hidden />;
}
