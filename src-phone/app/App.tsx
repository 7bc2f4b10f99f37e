import { Center, Loader, MantineProvider } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { FieldApi } from '../lib/api';
import type { PhoneStore } from '../lib/store';
import { words } from '../words';
import { PairingScreen } from './PairingScreen';
import { PlanScreen } from './PlanScreen';
import { PositionForm } from './PositionForm';
import { theme } from './theme';
import { usePhone } from './usePhone';

/**
 * The open position lives in the browser's history, so the phone's own Back button closes it the
 * way a controller expects, instead of leaving the app.
 */
function useOpenPosition(): [number | null, (positionId: number) => void, () => void] {
  const [open, setOpen] = useState<number | null>(null);
  useEffect(() => {
    const back = (event: PopStateEvent) => {
      const state = event.state as { positionId?: number } | null;
      setOpen(typeof state?.positionId === 'number' ? state.positionId : null);
    };
    window.addEventListener('popstate', back);
    return () => window.removeEventListener('popstate', back);
  }, []);
  const show = (positionId: number) => {
    window.history.pushState({ positionId }, '');
    setOpen(positionId);
    window.scrollTo(0, 0);
  };
  const close = () => {
    if ((window.history.state as { positionId?: number } | null)?.positionId !== undefined) window.history.back();
    else setOpen(null);
  };
  return [open, show, close];
}

function Phone({ store, api }: { store: PhoneStore; api: FieldApi }) {
  const phone = usePhone(store, api);
  const [openId, show, close] = useOpenPosition();
  const [notice, setNotice] = useState<string | null>(null);
  const [lastOpened, setLastOpened] = useState<number | null>(null);
  const { state } = phone;

  if (state.phase === 'loading') {
    return (
      <Center h="100dvh">
        <Loader aria-label={words.loading} />
      </Center>
    );
  }
  if (state.phase === 'pairing') return <PairingScreen phone={phone} />;

  const plan = state.plan?.plan ?? null;
  const position = openId === null ? undefined : plan?.tasks.flatMap((t) => t.positions).find((p) => p.positionId === openId);
  if (plan && position) {
    return (
      <PositionForm
        key={position.positionId}
        phone={phone}
        plan={plan}
        position={position}
        onClose={close}
        onSaved={(text) => {
          setNotice(text);
          close();
        }}
      />
    );
  }
  return (
    <PlanScreen
      phone={phone}
      notice={notice}
      lastOpened={lastOpened}
      onOpen={(positionId) => {
        setNotice(null);
        setLastOpened(positionId);
        show(positionId);
      }}
    />
  );
}

export function App({ store, api }: { store: PhoneStore; api: FieldApi }) {
  return (
    <MantineProvider theme={theme}>
      <Phone store={store} api={api} />
    </MantineProvider>
  );
}
