import { Group, TextInput } from '@mantine/core';
import { localDay } from '../../../shared/dates';
import { useRead } from '../../api/use-read';
import { DateField } from '../../components/DateField';
import { TextField } from '../../components/fields';
import { PickSelect } from '../../components/PickSelect';
import { useI18n } from '../../i18n/i18n';

/** What a crew writes on the act of a cut-off or a reconnection, as the form holds it: text as typed. */
export interface Act {
  date: string;
  time: string;
  executorId: number | null;
  sealNumber: string;
  reading: string;
  note: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const timePattern = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

/** A new act: now, as the workstation's clock says; the rest is for the operator to type. */
export function newAct(): Act {
  const now = new Date();
  return {
    date: localDay(now),
    time: `${pad(now.getHours())}:${pad(now.getMinutes())}`,
    executorId: null,
    sealNumber: '',
    reading: '',
    note: '',
  };
}

/** 9:05 or 09.05 → 09:05; null while it is not a time of day. */
export function parseTime(text: string): string | null {
  const match = timePattern.exec(text.trim());
  return match ? `${pad(Number(match[1]))}:${match[2]}` : null;
}

/** The act as the contract takes it (`doneAt` 2026-12-04T10:30), or null while something is missing or unreadable. */
export function actRequest(act: Act) {
  const time = parseTime(act.time);
  const reading = /^\d{1,8}$/.test(act.reading.trim()) ? Number(act.reading.trim()) : null;
  if (!act.date || !time || act.executorId === null || !act.sealNumber.trim() || reading === null) return null;
  return { doneAt: `${act.date}T${time}`, executorId: act.executorId, sealNumber: act.sealNumber.trim(), reading, note: act.note.trim() };
}

/**
 * The act's fields in the order they stand on the paper: date and time (filled in with now; the
 * first key typed replaces them), the executor picked by part of the name, the seal, the reading.
 */
export function ActFields({
  act,
  onChange,
  labels,
}: {
  act: Act;
  onChange: (act: Act) => void;
  labels: { date: string; seal: string; reading: string };
}) {
  const { t } = useI18n();
  const employees = useRead('employees.list', {});
  const executors = (employees.data ?? []).filter((e) => e.active).map((e) => ({ value: e.id, label: e.fullName }));
  const set = (patch: Partial<Act>) => onChange({ ...act, ...patch });
  const timeUnreadable = act.time.trim() !== '' && parseTime(act.time) === null;
  return (
    <>
      <Group align="flex-start" gap="sm">
        <DateField
          label={labels.date}
          value={act.date}
          onValue={(date) => set({ date })}
          onFocus={(event) => event.currentTarget.select()}
          required
          w={180}
          data-autofocus
        />
        <TextField
          label={t('orders.time')}
          value={act.time}
          onValue={(time) => set({ time })}
          onFocus={(event) => event.currentTarget.select()}
          error={timeUnreadable ? t('orders.timeInvalid') : undefined}
          inputMode="numeric"
          autoComplete="off"
          required
          w={100}
        />
      </Group>
      <PickSelect<number>
        label={t('orders.executor')}
        data={executors}
        value={act.executorId}
        onChange={(executorId) => set({ executorId })}
        required
        w={360}
      />
      <Group align="flex-start" gap="sm">
        <TextField
          label={labels.seal}
          value={act.sealNumber}
          onValue={(sealNumber) => set({ sealNumber })}
          maxLength={40}
          required
          w={200}
        />
        <TextInput
          label={labels.reading}
          value={act.reading}
          onChange={(event) => set({ reading: event.currentTarget.value })}
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          error={act.reading.trim() !== '' && !/^\d+$/.test(act.reading.trim()) ? t('orders.readingInvalid') : undefined}
          required
          w={260}
        />
      </Group>
      <TextField label={t('orders.note')} value={act.note} onValue={(note) => set({ note })} maxLength={200} />
    </>
  );
}
