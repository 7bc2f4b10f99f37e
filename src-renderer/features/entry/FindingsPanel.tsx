import { Checkbox, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import {
  meterConditions,
  meterPlacements,
  type MeterCard,
  type MeterCondition,
  type MeterPlacement,
  type RecordedFindings,
  type VisitFindingsInput,
} from '../../../shared/contract/visit';
import { formatDate } from '../../../shared/i18n/format';
import type { ApiError } from '../../api/client';
import { DateField } from '../../components/DateField';
import { useI18n } from '../../i18n/i18n';

/** The findings as typed: every field a string, '' for "as the card says". */
export interface FindingsForm {
  placement: MeterPlacement | '';
  condition: MeterCondition | '';
  seals: string;
  /** The serial and model read off the meter: the card's correction, or the new meter's once `replaced`. */
  serial: string;
  model: string;
  replaced: boolean;
  digits: string;
  initialValue: string;
  finalValue: string;
  /** '' — the check date. */
  installedOn: string;
  verificationDue: string;
}

export const emptyFindings: FindingsForm = {
  placement: '',
  condition: '',
  seals: '',
  serial: '',
  model: '',
  replaced: false,
  digits: '',
  initialValue: '',
  finalValue: '',
  installedOn: '',
  verificationDue: '',
};

/** What an entered position recorded, back in the form, so entering it again sends it again. */
export function formOf(recorded: RecordedFindings | null): FindingsForm {
  if (!recorded) return emptyFindings;
  const { replacement } = recorded;
  return {
    placement: recorded.placement ?? '',
    condition: recorded.condition ?? '',
    seals: recorded.seals ?? '',
    serial: replacement ? replacement.serial : (recorded.serial ?? ''),
    model: replacement ? replacement.model : (recorded.model ?? ''),
    replaced: replacement !== null,
    digits: replacement ? String(replacement.digits) : '',
    initialValue: replacement ? String(replacement.initialValue) : '',
    finalValue: replacement ? String(replacement.finalValue) : '',
    installedOn: replacement?.installedOn ?? '',
    verificationDue: replacement?.verificationDue ?? '',
  };
}

/** The request's findings: null when nothing differs from the card. */
export function requestOf(form: FindingsForm): VisitFindingsInput | null {
  const or = (text: string) => (text.trim() === '' ? null : text.trim());
  const findings: VisitFindingsInput = {
    placement: form.placement || null,
    condition: form.condition || null,
    seals: or(form.seals),
    serial: form.replaced ? null : or(form.serial),
    model: form.replaced ? null : or(form.model),
    replacement: form.replaced
      ? {
          serial: form.serial.trim(),
          model: form.model.trim(),
          digits: form.digits,
          initialValue: form.initialValue,
          finalValue: form.finalValue,
          installedOn: form.installedOn || null,
          verificationDue: form.verificationDue || null,
        }
      : null,
  };
  return Object.values(findings).every((value) => value === null) ? null : findings;
}

/** The panel's field a refusal names (data-finding), so the cursor goes back to it. */
export function findingFieldOf(field: string | undefined): keyof FindingsForm | null {
  if (field === 'serial' || field === 'replacement.serial') return 'serial';
  const match = /^replacement\.(digits|initialValue|finalValue|installedOn|verificationDue)$/.exec(field ?? '');
  return match ? (match[1] as keyof FindingsForm) : null;
}

export const findingInput = (field: keyof FindingsForm) => document.querySelector<HTMLElement>(`[data-finding="${field}"]`);

interface Props {
  form: FindingsForm;
  onChange: (form: FindingsForm) => void;
  /** The meter as the card says now. */
  card: MeterCard | null;
  error: ApiError | null;
  /** Enter in a field: back to Показник, whose value stays as typed. */
  onDone: () => void;
}

/**
 * What the controller found at the meter where it differs from the card (F7; Shift+F7 for a meter
 * found replaced). Only what is filled in is sent; Enter in any field goes back to Показник, so the
 * loop carries on with its two Enters.
 */
export function FindingsPanel({ form, onChange, card, error, onDone }: Props) {
  const { t } = useI18n();
  const set = (patch: Partial<FindingsForm>) => onChange({ ...form, ...patch });
  const enterReturns = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    onDone();
  };
  const errorOf = (field: keyof FindingsForm) => (error && findingFieldOf(error.field) === field ? error.message : undefined);
  const asOnCard = (value: string | undefined) => (value ? t('visit.asOnCard', { value }) : t('visit.asOnCardEmpty'));
  const text = (
    field: 'seals' | 'serial' | 'model' | 'digits' | 'initialValue' | 'finalValue',
    label: string,
    width: number,
    extra: object = {},
  ) => (
    <TextInput
      label={label}
      value={form[field]}
      onChange={(event) => set({ [field]: event.currentTarget.value })}
      onKeyDown={enterReturns}
      error={errorOf(field)}
      autoComplete="off"
      w={width}
      data-finding={field}
      {...extra}
    />
  );
  return (
    <Paper withBorder p="sm" mt="sm" data-testid="entry-findings">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('visit.title')}
        </Text>
        <Group gap="sm" align="flex-start">
          <NativeSelect
            label={t('visit.condition')}
            value={form.condition}
            onChange={(event) => set({ condition: event.currentTarget.value as MeterCondition | '' })}
            onKeyDown={enterReturns}
            data={[
              { value: '', label: asOnCard(card?.condition) },
              ...meterConditions.map((code) => ({ value: code, label: t(`visit.condition.${code}`) })),
            ]}
            w={200}
            data-finding="condition"
          />
          <NativeSelect
            label={t('visit.placement')}
            value={form.placement}
            onChange={(event) => set({ placement: event.currentTarget.value as MeterPlacement | '' })}
            onKeyDown={enterReturns}
            data={[
              { value: '', label: asOnCard(card?.placement) },
              ...meterPlacements.map((code) => ({ value: code, label: t(`visit.placement.${code}`) })),
            ]}
            w={200}
            data-finding="placement"
          />
          {text('seals', t('visit.seals'), 200, { placeholder: card?.seals || undefined })}
          {text('serial', t(form.replaced ? 'visit.newSerial' : 'visit.serial'), 170, {
            placeholder: form.replaced ? undefined : card?.serial,
          })}
          {text('model', t(form.replaced ? 'visit.newModel' : 'visit.model'), 170, {
            placeholder: form.replaced ? undefined : card?.model,
          })}
          <Checkbox
            mt={28}
            label={`${t('visit.replaced')} (Shift+F7)`}
            checked={form.replaced}
            onChange={(event) => set({ replaced: event.currentTarget.checked })}
            tabIndex={-1}
            data-testid="entry-replaced"
          />
        </Group>
        {form.replaced && (
          <Group gap="sm" align="flex-start" data-testid="entry-replacement">
            {text('digits', t('visit.digits'), 110, { inputMode: 'numeric', placeholder: card ? String(card.digits) : undefined })}
            {text('initialValue', t('visit.initialValue'), 190, { inputMode: 'numeric' })}
            {text('finalValue', t('visit.finalValue'), 190, { inputMode: 'numeric' })}
            <DateField
              label={t('visit.installedOn')}
              description={t('visit.installedOnHint')}
              value={form.installedOn}
              onValue={(installedOn) => set({ installedOn })}
              onKeyDown={enterReturns}
              error={errorOf('installedOn')}
              w={170}
              data-finding="installedOn"
            />
            <DateField
              label={t('visit.verificationDue')}
              value={form.verificationDue}
              onValue={(verificationDue) => set({ verificationDue })}
              onKeyDown={enterReturns}
              error={errorOf('verificationDue')}
              w={170}
              data-finding="verificationDue"
            />
          </Group>
        )}
        {card && <CardLine card={card} />}
      </Stack>
    </Paper>
  );
}

/** The meter as the card says now, for the operator to compare with the sheet. */
function CardLine({ card }: { card: MeterCard }) {
  const { t, locale } = useI18n();
  return (
    <Text size="xs" c="dimmed" data-testid="entry-card-meter">
      {t('visit.cardNow', {
        serial: card.serial,
        model: card.model || '—',
        digits: card.digits,
        seals: card.seals || '—',
        installed: card.installedOn ? formatDate(card.installedOn, locale) : '—',
      })}
    </Text>
  );
}
