import { useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { useStatus } from '../app/status';

/**
 * A user action that calls the core: one at a time, its refusal kept for the screen to show and
 * said in the status line; anything that is not a refusal is a bug and is not swallowed.
 */
export function useAction() {
  const status = useStatus();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const running = useRef(false);
  const run = async (action: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await action();
      setError(null);
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      setError(caught);
      status.show(caught.message, 'error');
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  return { run, busy, error };
}
