import { Alert, Badge, Button, Code, Group, Image, Kbd, NumberInput, Paper, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { toDataURL } from 'qrcode';
import { useEffect, useState } from 'react';
import type { FieldPairing, FieldSessionRow, FieldStatus } from '../../../shared/contract/field-service';
import { formatDateTime } from '../../../shared/i18n/format';
import { useApi } from '../../api/context';
import { useRead } from '../../api/use-read';
import { useHotkeys } from '../../app/hotkeys';
import { useStatus } from '../../app/status';
import { ConfirmModal } from '../../components/ConfirmModal';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Screen } from '../../components/Screen';
import { useAction } from '../../components/use-action';
import { useI18n } from '../../i18n/i18n';

/** A QR code of `text` as an image the renderer's policy allows (data:), or null while it is drawn. */
function useQr(text: string | null) {
  const [drawn, setDrawn] = useState<{ text: string; url: string } | null>(null);
  useEffect(() => {
    if (text === null) return;
    let current = true;
    void toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 320 }).then((url) => current && setDrawn({ text, url }));
    return () => {
      current = false;
    };
  }, [text]);
  return drawn && drawn.text === text ? drawn.url : null;
}

/** Seconds left until `iso`, ticking each second while there is something to count. */
function useSecondsLeft(iso: string | null) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (iso === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [iso]);
  return iso === null ? 0 : Math.max(0, Math.round((Date.parse(iso) - now) / 1000));
}

const minutesSeconds = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/**
 * Сервіс / Телефони контролерів: the field service on the LAN, on or off and on which port; a
 * pairing code as a QR code for a phone to scan (F5 another), the authority's certificate as a
 * second one; the phones' sessions, F8 revoking the active one.
 */
export function FieldScreen() {
  const { t } = useI18n();
  const api = useApi();
  const status = useStatus();
  const { data, error } = useRead('field.status', {});
  const sessions = useRead('field.sessions', {});
  const { run, busy, error: actionError } = useAction();
  const [port, setPort] = useState<number | string>('');
  const [pairing, setPairing] = useState<FieldPairing | null>(null);
  const [active, setActive] = useState<FieldSessionRow | undefined>();
  const [revoking, setRevoking] = useState<FieldSessionRow | null>(null);

  const shownPort = port === '' ? (data?.port ?? '') : port;
  const askedPort = () => (typeof shownPort === 'number' ? shownPort : Number(shownPort) || undefined);
  const start = () =>
    run(async () => {
      const started = await api.call('field.start', { port: askedPort() });
      setPort('');
      setPairing(null);
      status.show(t('field.started', { port: started.port }));
    });
  const stop = () =>
    run(async () => {
      await api.call('field.stop', {});
      setPairing(null);
      status.show(t('field.stopped'));
    });
  const newCode = () =>
    run(async () => {
      setPairing(await api.call('field.pairing', {}));
    });
  const revoke = (row: FieldSessionRow) =>
    run(async () => {
      setRevoking(null);
      await api.call('field.revoke', { id: row.id });
      status.show(t('field.revoked', { login: row.login, device: row.device || '—' }));
    });
  const running = data?.running ?? false;
  const canRevoke = (row: FieldSessionRow | undefined): row is FieldSessionRow => row !== undefined && row.revokedAt === null;
  useHotkeys({
    f5: () => running && void newCode(),
    f8: () => canRevoke(active) && setRevoking(active),
  });

  return (
    <Screen title={t('field.title')}>
      <ErrorAlert error={error ?? actionError} />
      <Group align="flex-end" gap="lg">
        <Switch
          size="md"
          label={t('field.enabled')}
          checked={running}
          disabled={busy || !data}
          onChange={(event) => void (event.currentTarget.checked ? start() : stop())}
          data-testid="field-switch"
        />
        <NumberInput
          label={t('field.port')}
          description={t('field.portHint')}
          value={shownPort}
          onChange={setPort}
          onKeyDown={(event) => {
            if (event.key === 'Enter') void start();
          }}
          min={1024}
          max={65534}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          w={160}
          data-testid="field-port"
        />
        {running && data && (
          <Text size="sm" data-testid="field-addresses">
            {t('field.addresses')}: {data.addresses.length > 0 ? data.addresses.join(', ') : t('field.noAddresses')}
          </Text>
        )}
      </Group>
      {data?.problem && (
        <Alert color="red" title={t('field.notRunning')}>
          {data.problem}
        </Alert>
      )}
      {running && data ? (
        <SimpleGrid cols={2} spacing="md">
          <PairingPanel pairing={pairing} onNewCode={() => void newCode()} busy={busy} />
          <CertificatePanel status={data} />
        </SimpleGrid>
      ) : (
        <Text c="dimmed">{t('field.offHint')}</Text>
      )}
      <Group justify="space-between" align="flex-end">
        <Title order={3} size="h5">
          {t('field.sessions')}
        </Title>
        <Button
          variant="default"
          color="red"
          disabled={!canRevoke(active)}
          onClick={() => canRevoke(active) && setRevoking(active)}
          rightSection={<Kbd size="xs">F8</Kbd>}
        >
          {t('field.revoke')}
        </Button>
      </Group>
      <ErrorAlert error={sessions.error} />
      <SessionsTable rows={sessions.data ?? []} onActiveChange={setActive} />
      <ConfirmModal
        opened={revoking !== null}
        title={t('field.revokeTitle')}
        confirmLabel={t('field.revoke')}
        danger
        onCancel={() => setRevoking(null)}
        onConfirm={() => revoking && void revoke(revoking)}
      >
        {revoking && (
          <Text>{t('field.revokeText', { name: revoking.fullName, login: revoking.login, device: revoking.device || '—' })}</Text>
        )}
      </ConfirmModal>
    </Screen>
  );
}

/** The QR code a phone scans to open the app with the code in it, the code written large beside, and how long it lasts. */
function PairingPanel({ pairing, onNewCode, busy }: { pairing: FieldPairing | null; onNewCode: () => void; busy: boolean }) {
  const { t } = useI18n();
  const qr = useQr(pairing?.pairUrl ?? null);
  const left = useSecondsLeft(pairing?.expiresAt ?? null);
  const expired = pairing !== null && left === 0;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs" align="center">
        <Title order={3} size="h5">
          {t('field.pairTitle')}
        </Title>
        {pairing && !expired ? (
          <>
            {qr && <Image src={qr} alt={t('field.pairQr')} w={280} h={280} data-testid="pairing-qr" />}
            <Text fz={44} fw={700} ff="monospace" lts={8} data-testid="pairing-code" aria-label={t('field.code')}>
              {pairing.code}
            </Text>
            <Text size="sm" data-testid="pairing-left">
              {t('field.validFor', { time: minutesSeconds(left) })}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace">
              {pairing.pairUrl}
            </Text>
          </>
        ) : (
          <Text c="dimmed" ta="center" py="xl">
            {expired ? t('field.expired') : t('field.pairHint')}
          </Text>
        )}
        <Button onClick={onNewCode} loading={busy} rightSection={<Kbd size="xs">F5</Kbd>} data-testid="pairing-new">
          {t('field.newCode')}
        </Button>
      </Stack>
    </Paper>
  );
}

/** The second QR code: where the phone gets the authority's certificate, with its fingerprint to compare. */
function CertificatePanel({ status }: { status: FieldStatus }) {
  const { t } = useI18n();
  const qr = useQr(status.caUrl);
  return (
    <Paper withBorder p="md">
      <Stack gap="xs" align="center">
        <Title order={3} size="h5">
          {t('field.caTitle')}
        </Title>
        {qr && <Image src={qr} alt={t('field.caQr')} w={200} h={200} data-testid="ca-qr" />}
        <Text size="xs" c="dimmed" ff="monospace">
          {status.caUrl}
        </Text>
        <Text size="sm">{t('field.caHint')}</Text>
        <Text size="sm" c="dimmed">
          {t('field.fingerprint')}
        </Text>
        <Code block data-testid="ca-fingerprint" style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>
          {status.caFingerprint}
        </Code>
        <Text size="xs" c="dimmed">
          {t('field.appUrl')}: {status.pairUrl}
        </Text>
      </Stack>
    </Paper>
  );
}

function SessionsTable({ rows, onActiveChange }: { rows: FieldSessionRow[]; onActiveChange: (row: FieldSessionRow | undefined) => void }) {
  const { t, locale } = useI18n();
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale) : '—');
  const columns: Column<FieldSessionRow>[] = [
    { key: 'login', header: t('field.login'), render: (s) => s.login, width: 140 },
    { key: 'name', header: t('field.name'), render: (s) => s.fullName },
    { key: 'device', header: t('field.device'), render: (s) => s.device || '—', width: 180 },
    { key: 'paired', header: t('field.pairedAt'), render: (s) => when(s.createdAt), width: 160 },
    { key: 'seen', header: t('field.lastSeen'), render: (s) => when(s.lastSeenAt), width: 160 },
    {
      key: 'revoked',
      header: t('field.revokedAt'),
      render: (s) =>
        s.revokedAt ? (
          <Badge color="gray">{t('field.revokedOn', { date: when(s.revokedAt) })}</Badge>
        ) : (
          <Badge color="green">{t('field.active')}</Badge>
        ),
      width: 210,
    },
  ];
  return (
    <DataTable
      label={t('field.sessions')}
      testId="field-sessions"
      columns={columns}
      rows={rows}
      rowKey={(s) => s.id}
      onActiveChange={onActiveChange}
      emptyText={t('field.noSessions')}
    />
  );
}
