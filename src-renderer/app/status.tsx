import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

/** One line at the bottom that says what just happened, read out by screen readers too. */
const StatusContext = createContext<{
  message: string;
  tone: 'ok' | 'error';
  show: (message: string, tone?: 'ok' | 'error') => void;
} | null>(null);

export function StatusProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ message: string; tone: 'ok' | 'error' }>({ message: '', tone: 'ok' });
  const show = useCallback((message: string, tone: 'ok' | 'error' = 'ok') => setState({ message, tone }), []);
  return <StatusContext.Provider value={{ ...state, show }}>{children}</StatusContext.Provider>;
}

export function useStatus() {
  const status = useContext(StatusContext);
  if (!status) throw new Error('useStatus outside StatusProvider');
  return status;
}
