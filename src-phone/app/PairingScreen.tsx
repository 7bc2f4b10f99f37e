import { Alert, Button, Container, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { pairingCodeFromHash } from '../lib/pairing';
import { words } from '../words';
import type { Phone } from './usePhone';

export function PairingScreen({ phone }: { phone: Phone }) {
  const { state, counts } = phone;
  const [code, setCode] = useState(() => pairingCodeFromHash(window.location.hash));
  const [login, setLogin] = useState(state.lastLogin ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await phone.pair(code.trim(), login, password);
      // The code is spent: a reload must not offer it again.
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    }
  };

  return (
    <Container size="xs" py="md">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Title order={1} size="h2">
            {words.pairTitle}
          </Title>
          {state.pairingNotice && (
            <Alert color="orange" role="alert">
              {state.pairingNotice}
            </Alert>
          )}
          <Text>{words.pairIntro}</Text>
          {counts.unsent > 0 && <Alert color="yellow">{words.unsentKept(counts.unsent)}</Alert>}
          <TextInput
            label={words.code}
            description={words.codeHint}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            withAsterisk={false}
          />
          <TextInput
            label={words.login}
            value={login}
            onChange={(e) => setLogin(e.currentTarget.value)}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            withAsterisk={false}
          />
          <PasswordInput
            label={words.password}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="current-password"
            visibilityToggleButtonProps={{ 'aria-label': words.showPassword }}
            required
            withAsterisk={false}
          />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Button type="submit" loading={busy} fullWidth>
            {words.pair}
          </Button>
        </Stack>
      </form>
    </Container>
  );
}
