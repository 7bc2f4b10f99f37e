import { Alert, Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { PasswordField, TextField } from '../components/fields';
import { createContext, useCallback, useContext, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { AuthStatus, SignedIn } from '../../shared/contract/auth';
import { formatDateTime } from '../../shared/i18n/format';
import { ApiError } from '../api/client';
import { useApi } from '../api/context';
import { useI18n } from '../i18n/i18n';

interface Auth {
  user: SignedIn;
  signOut: () => void;
  /** Set up moments ago: the administrator is asked where the data comes from before anything else. */
  firstStart: boolean;
  endFirstStart: () => void;
}

const AuthContext = createContext<Auth | null>(null);

/**
 * Запуск програми та реєстрація користувача: nothing of the workstation shows until someone has
 * signed in; the first run asks for the administrator, an idle lock asks for the password again.
 */
export function AuthGate({ children, refreshSignal }: { children: ReactNode; refreshSignal: number }) {
  const { t } = useI18n();
  const api = useApi();
  const [status, setStatus] = useState<AuthStatus | null>(null);
  const [firstStart, setFirstStart] = useState(false);
  const refresh = useCallback(() => void api.call('auth.status', {}).then(setStatus), [api]);
  useEffect(refresh, [refresh, refreshSignal]);
  useIdleLock(status, refresh);

  if (!status) return <Text p="md">{t('app.loading')}</Text>;
  if (status.upgradeFailed) return <UpgradeFailed message={status.upgradeFailed} />;
  if (status.damaged) return <RecoveryForm damage={status.damaged} onDone={refresh} />;
  if (status.needsSetup)
    return (
      <SetupForm
        onDone={() => {
          setFirstStart(true);
          refresh();
        }}
      />
    );
  if (!status.user) return <SignInForm onDone={refresh} />;
  if (status.locked)
    return <UnlockForm user={status.user} onDone={refresh} onSignOut={() => void api.call('auth.logout', {}).then(refresh)} />;
  return (
    <AuthContext.Provider
      value={{
        user: status.user,
        signOut: () => void api.call('auth.logout', {}).then(refresh),
        firstStart,
        endFirstStart: () => setFirstStart(false),
      }}
    >
      {children}
    </AuthContext.Provider>
  );
}

export function useAuth() {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthGate');
  return auth;
}

/** The screen locks itself after the idle time too, so nobody walks up to an open session. */
function useIdleLock(status: AuthStatus | null, refresh: () => void) {
  useEffect(() => {
    if (!status?.user || status.locked || status.idleLockMinutes <= 0) return;
    let timer = window.setTimeout(refresh, status.idleLockMinutes * 60_000 + 1000);
    const activity = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, status.idleLockMinutes * 60_000 + 1000);
    };
    window.addEventListener('keydown', activity, true);
    window.addEventListener('pointerdown', activity, true);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('keydown', activity, true);
      window.removeEventListener('pointerdown', activity, true);
    };
  }, [status, refresh]);
}

function AuthForm(props: {
  title: string;
  hint?: string;
  submitLabel: string;
  onSubmit: () => Promise<void>;
  children?: ReactNode;
  focusSubmit?: boolean;
}) {
  const { title, hint, submitLabel, onSubmit, children } = props;
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await onSubmit();
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Center h="100vh">
      <Paper withBorder p="xl" w={420} shadow="sm">
        <form onSubmit={(event) => void submit(event)} noValidate data-testid="auth-form">
          <Stack gap="sm">
            <Title order={1} size="h3">
              {title}
            </Title>
            {hint && (
              <Text size="sm" c="dimmed">
                {hint}
              </Text>
            )}
            {error && (
              <Alert color="red" role="alert">
                {error.message}
              </Alert>
            )}
            {children}
            <Button type="submit" loading={busy} autoFocus={props.focusSubmit}>
              {submitLabel}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

function SignInForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  return (
    <AuthForm
      title={t('auth.signInTitle')}
      submitLabel={t('auth.signIn')}
      onSubmit={async () => (await api.call('auth.login', { login, password }), onDone())}
    >
      <TextField label={t('auth.login')} value={login} onValue={setLogin} autoFocus autoComplete="username" />
      <PasswordField label={t('auth.password')} value={password} onValue={setPassword} autoComplete="current-password" />
    </AuthForm>
  );
}

function SetupForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const [login, setLogin] = useState('admin');
  const [fullName, setFullName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [branchName, setBranchName] = useState('');
  const submit = async () => {
    if (password !== repeat) throw new ApiError({ code: 'request.invalid', message: t('auth.mismatch') });
    await api.call('auth.setup', { login, fullName, password, branchName });
    onDone();
  };
  return (
    <AuthForm title={t('auth.setupTitle')} hint={t('auth.setupHint')} submitLabel={t('auth.setup')} onSubmit={submit}>
      <TextField label={t('auth.branchName')} value={branchName} onValue={setBranchName} maxLength={100} required autoFocus />
      <TextField label={t('auth.fullName')} value={fullName} onValue={setFullName} required maxLength={150} />
      <TextField label={t('auth.login')} value={login} onValue={setLogin} required maxLength={40} autoComplete="username" />
      <PasswordField label={t('auth.newPassword')} value={password} onValue={setPassword} required autoComplete="new-password" />
      <PasswordField label={t('auth.repeatPassword')} value={repeat} onValue={setRepeat} required autoComplete="new-password" />
    </AuthForm>
  );
}

function UnlockForm({ user, onDone, onSignOut }: { user: SignedIn; onDone: () => void; onSignOut: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const [password, setPassword] = useState('');
  return (
    <AuthForm
      title={t('auth.lockedTitle')}
      hint={t('auth.lockedHint', { name: user.fullName })}
      submitLabel={t('auth.unlock')}
      onSubmit={async () => (await api.call('auth.unlock', { password }), onDone())}
    >
      <PasswordField label={t('auth.password')} value={password} onValue={setPassword} autoFocus autoComplete="current-password" />
      <Button variant="subtle" onClick={onSignOut}>
        {t('auth.signOut')}
      </Button>
    </AuthForm>
  );
}

/** The database cannot be opened: the one thing offered is putting the newest sound copy back. */
function RecoveryForm({ damage, onDone }: { damage: string; onDone: () => void }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const [backups, setBackups] = useState<{ file: string; createdAt: string }[] | null>(null);
  useEffect(() => void api.call('backups.status', {}).then((answer) => setBackups(answer.backups)), [api]);
  const newest = backups?.[0];
  return (
    <AuthForm
      focusSubmit
      title={t('recovery.title')}
      hint={t('recovery.hint', { damage })}
      submitLabel={newest ? t('recovery.restore', { date: formatDateTime(newest.createdAt, locale) }) : t('recovery.none')}
      onSubmit={async () => {
        if (!newest) return;
        try {
          await api.call('backups.restore', { file: newest.file });
        } catch (caught) {
          // A copy that is itself unsound drops out, and the next newest is offered.
          if (caught instanceof ApiError && caught.code === 'backup.notADatabase') setBackups((all) => all?.slice(1) ?? null);
          throw caught;
        }
        onDone();
      }}
    >
      {backups && backups.length > 1 && <Text size="sm">{t('recovery.others', { count: backups.length - 1 })}</Text>}
    </AuthForm>
  );
}

/** The upgrade of the database failed and left it as it was: nothing to do here but tell whoever can help. */
function UpgradeFailed({ message }: { message: string }) {
  const { t } = useI18n();
  return (
    <Center h="100vh">
      <Paper withBorder p="xl" maw={640}>
        <Stack>
          <Title order={2}>{t('upgrade.title')}</Title>
          <Alert color="red" role="alert" data-testid="upgrade-failed">
            {message}
          </Alert>
        </Stack>
      </Paper>
    </Center>
  );
}
