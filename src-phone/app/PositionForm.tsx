import { Alert, Button, Checkbox, Container, Group, NativeSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { FieldPosition, FieldPlan } from '../../shared/contract/field';
import type { ReadingCheck, ReadingCheckCode } from '../../shared/contract/validation';
import type { MeterCondition, MeterPlacement } from '../../shared/contract/visit';
import { formatDate } from '../../shared/i18n/format';
import { isoWithOffset, phoneToday } from '../lib/dates';
import { currentResult, findingsOrNull, type Entry } from '../lib/entries';
import { checkSentences, decideReading } from '../lib/judge';
import { locate, within } from '../lib/location';
import { compressPhoto } from '../lib/photo';
import type { PhoneResult } from '../lib/store';
import { words } from '../words';
import { FindingsFields, type FindingsValue } from './FindingsFields';
import { PhotoField } from './PhotoField';
import type { Phone } from './usePhone';

interface Props {
  phone: Phone;
  plan: FieldPlan;
  position: FieldPosition;
  onClose: () => void;
  onSaved: (notice: string) => void;
}

/** How long saving waits for a GPS fix the form started asking for when it opened. */
const locationGraceMs = 1500;

/**
 * One position at the meter: the reading (judged as the workstation judges it, re-typed when it
 * fails a check) or a reason, problems, a note, what was found at the meter, a photo. «Зберегти»
 * keeps it on the phone; the outbox sends it when it can.
 */
export function PositionForm({ phone, plan, position, onClose, onSaved }: Props) {
  // The result the form opened with; later changes to the list do not move the form under the controller's fingers.
  const [existing] = useState(() => currentResult(phone.state.results, position.positionId)?.result ?? null);
  const [typed, setTyped] = useState(existing?.value?.toString() ?? '');
  const [reason, setReason] = useState(existing?.reasonCode?.toString() ?? '');
  const [checks, setChecks] = useState<ReadingCheck[] | null>(null);
  const [retyped, setRetyped] = useState('');
  const [readingError, setReadingError] = useState<string | null>(null);
  const [retypeError, setRetypeError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>(existing?.problems.map(String) ?? []);
  const [note, setNote] = useState(existing?.note ?? '');
  const [findings, setFindings] = useState<FindingsValue>({
    placement: existing?.findings?.placement ?? '',
    condition: existing?.findings?.condition ?? '',
    model: existing?.findings?.model ?? '',
  });
  const [photo, setPhoto] = useState<Entry['photo']>({ kind: 'keep' });
  const [keptPhoto, setKeptPhoto] = useState<{ blob: Blob; sent: boolean } | null>(null);
  const [photoBusy, setPhotoBusy] = useState(false);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const readingRef = useRef<HTMLInputElement>(null);
  const retypeRef = useRef<HTMLInputElement>(null);
  const locating = useRef<Promise<PhoneResult['location']> | null>(null);

  useEffect(() => {
    // Asked as the form opens, at the meter: by the time «Зберегти» is pressed the fix is usually there.
    locating.current = locate();
  }, []);

  useEffect(() => {
    if (!existing?.photoId) return;
    let cancelled = false;
    void phone.store.photo(existing.photoId).then((stored) => {
      if (!cancelled && stored) setKeptPhoto({ blob: stored.blob, sent: stored.sent !== null });
    });
    return () => {
      cancelled = true;
    };
  }, [existing, phone.store]);

  useEffect(() => {
    if (checks) retypeRef.current?.focus();
  }, [checks]);

  const sentences = useMemo(() => (checks ? checkSentences(checks, position) : []), [checks, position]);
  const shownPhoto = photo.kind === 'new' ? photo.blob : photo.kind === 'keep' ? (keptPhoto?.blob ?? null) : null;

  const changeReading = (value: string) => {
    setTyped(value);
    setChecks(null);
    setRetyped('');
    setReadingError(null);
    setRetypeError(null);
  };

  const changeReason = (value: string) => {
    setReason(value);
    setChecks(null);
    setReadingError(null);
    setRetypeError(null);
  };

  const takePhoto = async (file: File) => {
    setPhotoBusy(true);
    setPhotoError(null);
    try {
      const takenAt = isoWithOffset(new Date());
      setPhoto({ kind: 'new', blob: await compressPhoto(file), takenAt });
    } catch {
      setPhotoError(words.photoFailed);
    } finally {
      setPhotoBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaveError(null);
    const reasonCode = reason ? Number(reason) : null;
    let value: number | null = null;
    let confirmed: ReadingCheckCode[] = [];
    if (reasonCode === null) {
      if (!typed.trim()) {
        setReadingError(words.readingOrReason);
        readingRef.current?.focus();
        return;
      }
      const before = existing && existing.value !== null ? { value: existing.value, confirmed: existing.confirmed } : null;
      const decision = decideReading(typed, checks ? retyped : null, position, phoneToday(), before);
      switch (decision.kind) {
        case 'invalid':
          setReadingError(decision.message);
          readingRef.current?.focus();
          return;
        case 'retype':
          setRetypeError(checks ? words.retypeEmpty : null);
          setChecks(decision.checks);
          retypeRef.current?.focus();
          return;
        case 'mismatch':
          setRetypeError(decision.message);
          setChecks(decision.checks);
          retypeRef.current?.focus();
          return;
        case 'ready':
          value = decision.value;
          confirmed = decision.confirmed;
      }
    }
    setSaving(true);
    try {
      const fresh = locating.current ? await within(locating.current, locationGraceMs, null) : null;
      await phone.save({
        positionId: position.positionId,
        value,
        reasonCode,
        confirmed,
        problems: problems.map(Number),
        note,
        findings: findingsOrNull({
          placement: (findings.placement || null) as MeterPlacement | null,
          condition: (findings.condition || null) as MeterCondition | null,
          model: findings.model,
        }),
        location: fresh ?? existing?.location ?? null,
        photo,
      });
      onSaved(`${words.saved}: ${position.seq}. ${position.address}`);
    } catch (caught) {
      setSaveError(`${words.saveFailed}: ${caught instanceof Error ? caught.message : String(caught)}`);
      setSaving(false);
    }
  };

  const { meter, judge } = position;
  const digits = judge.digits ?? meter?.digits ?? null;
  return (
    <Container size="sm" px="sm" py="sm">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Group>
            <Button variant="default" onClick={onClose}>
              {words.back}
            </Button>
          </Group>
          <div>
            <Title order={1} size="h3">
              {position.seq}. {position.address}
            </Title>
            <Text>
              {words.account} {position.accountNumber} · {position.consumer}
            </Text>
            {meter && (
              <Text size="sm">
                {words.meter} {meter.serial ?? '—'}
                {meter.model ? ` · ${meter.model}` : ''}
                {meter.digits !== null ? ` · ${words.digits(meter.digits)}` : ''}
              </Text>
            )}
            <Text size="sm">
              {words.previous}:{' '}
              {judge.previous ? `${judge.previous.value} (${formatDate(judge.previous.takenOn, 'uk')})` : words.noPrevious}
            </Text>
            {position.notes.map((n) => (
              <Text key={n} size="sm" c="dimmed">
                {words.notes}: {n}
              </Text>
            ))}
          </div>
          {position.deliver.map((notice) => (
            <Alert key={notice} color="orange" title={words.deliver} p="xs">
              {notice}
            </Alert>
          ))}
          {position.entered && (
            <Alert color="grape" p="xs" title={words.enteredByOffice}>
              {words.enteredByOfficeHint}
            </Alert>
          )}

          <TextInput
            ref={readingRef}
            label={words.reading}
            description={words.readingHint(digits)}
            value={reason ? '' : typed}
            onChange={(e) => changeReading(e.currentTarget.value)}
            disabled={reason !== ''}
            error={readingError}
            inputMode="numeric"
            pattern="[0-9]*"
            autoComplete="off"
            enterKeyHint="done"
            styles={{ input: { fontSize: 24, fontVariantNumeric: 'tabular-nums' } }}
          />
          {checks && (
            <Alert color="yellow" title={words.checkTitle} data-testid="reading-checks">
              <Stack gap={4}>
                {checks.map((check, i) => (
                  <Text key={check.code} data-code={check.code}>
                    {sentences[i]}
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}
          {checks && (
            <TextInput
              ref={retypeRef}
              label={words.retype}
              description={words.retypeHint}
              value={retyped}
              onChange={(e) => {
                setRetyped(e.currentTarget.value);
                setRetypeError(null);
              }}
              error={retypeError}
              inputMode="numeric"
              pattern="[0-9]*"
              autoComplete="off"
              styles={{ input: { fontSize: 24, fontVariantNumeric: 'tabular-nums' } }}
            />
          )}
          <NativeSelect
            label={words.reason}
            value={reason}
            onChange={(e) => changeReason(e.currentTarget.value)}
            data={[{ value: '', label: words.noReason }, ...plan.reasons.map((r) => ({ value: String(r.code), label: r.name }))]}
          />
          {plan.problems.length > 0 && (
            <Checkbox.Group label={words.problems} value={problems} onChange={setProblems}>
              <Stack gap="sm" mt="xs">
                {plan.problems.map((p) => (
                  <Checkbox key={p.code} value={String(p.code)} label={p.name} styles={{ body: { minHeight: 48, alignItems: 'center' } }} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          <Textarea label={words.note} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} autosize minRows={2} />
          <FindingsFields value={findings} cardModel={meter?.model ?? null} onChange={setFindings} />
          <PhotoField
            blob={shownPhoto}
            sent={photo.kind === 'keep' && (keptPhoto?.sent ?? false)}
            busy={photoBusy}
            error={photoError}
            onFile={(file) => void takePhoto(file)}
            onRemove={() => setPhoto({ kind: 'none' })}
          />
          {saveError && (
            <Alert color="red" role="alert">
              {saveError}
            </Alert>
          )}
          <Button type="submit" size="xl" fullWidth loading={saving} disabled={photoBusy}>
            {words.save}
          </Button>
        </Stack>
      </form>
    </Container>
  );
}
