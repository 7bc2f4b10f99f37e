import { PasswordInput, Radio, Stack, Text, TextInput, type PasswordInputProps, type TextInputProps } from '@mantine/core';
import { formatAmount, parseMoney } from '../../shared/i18n/format';
import { useI18n } from '../i18n/i18n';

type Valued<P> = Omit<P, 'onChange'> & { onValue: (value: string) => void };

/** A text field that hands back its text: forms keep strings, not events. */
export const TextField = ({ onValue, ...props }: Valued<TextInputProps>) => (
  <TextInput {...props} onChange={(event) => onValue(event.currentTarget.value)} />
);

export const PasswordField = ({ onValue, ...props }: Valued<PasswordInputProps>) => (
  <PasswordInput {...props} onChange={(event) => onValue(event.currentTarget.value)} />
);

/**
 * A sum in гривні, typed the way people type it ("500", "500,5", "1 250,50"), shown with its unit
 * and written out in full ("1 250,50") when the focus leaves. The form keeps the text and reads
 * kopecks from it with parseMoney, the same reading this field uses to say a sum is not one.
 */
export function MoneyField({ onValue, value, error, onFocus, onBlur, ...props }: Valued<TextInputProps> & { value: string }) {
  const { t, locale } = useI18n();
  const kopecks = parseMoney(value);
  return (
    <TextInput
      {...props}
      value={value}
      inputMode="decimal"
      autoComplete="off"
      rightSection={
        <Text size="sm" c="dimmed">
          {t('money.unit')}
        </Text>
      }
      rightSectionWidth={44}
      styles={{ input: { textAlign: 'right' } }}
      error={error ?? (value.trim() !== '' && kopecks === null ? t('money.invalid') : undefined)}
      onChange={(event) => onValue(event.currentTarget.value)}
      // A sum is retyped whole: what is there is selected, so the first key replaces it.
      onFocus={(event) => {
        event.currentTarget.select();
        onFocus?.(event);
      }}
      onBlur={(event) => {
        if (kopecks !== null) onValue(formatAmount(kopecks, locale));
        onBlur?.(event);
      }}
    />
  );
}

/**
 * One of a few choices as radios in a column, the first taking the focus when its dialog opens, so
 * the arrows pick and Enter submits without a look at the mouse.
 */
export function ChoiceField<T extends string>({
  label,
  value,
  onValue,
  options,
  testId,
}: {
  label?: string;
  value: T;
  onValue: (value: T) => void;
  options: readonly { value: T; label: string }[];
  testId?: string;
}) {
  return (
    <Radio.Group label={label} value={value} onChange={(picked) => onValue(picked)}>
      <Stack gap={6} mt={4} data-testid={testId}>
        {options.map((option, index) => (
          <Radio key={option.value} value={option.value} label={option.label} {...(index === 0 ? { 'data-autofocus': true } : {})} />
        ))}
      </Stack>
    </Radio.Group>
  );
}
