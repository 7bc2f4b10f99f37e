import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { formatDate, parseDate } from '../../shared/i18n/format';
import { useI18n } from '../i18n/i18n';

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'defaultValue'> & {
  /** An ISO date (YYYY-MM-DD), or '' for none. */
  value: string;
  /** The ISO date once the text is a whole real date; '' while it is empty or not one yet. */
  onValue: (iso: string) => void;
};

/**
 * A date typed as the language writes it: 24.11.2026 in Ukrainian, 24/11/2026 in English. A plain
 * text field rather than the browser's date input, whose segments follow the computer's language,
 * not the app's, and trip up an operator typing a whole date at speed.
 */
export function DateField({ value, onValue, onBlur, error, ...props }: Props) {
  const { t, locale } = useI18n();
  const [text, setText] = useState(() => formatDate(value, locale));
  const [shown, setShown] = useState({ value, locale });
  const [left, setLeft] = useState(false);
  // A value set from outside (a reset, another default) or a change of language rewrites the text;
  // the value this field itself reported does not, so a half-typed date stays as typed.
  if (shown.value !== value || shown.locale !== locale) {
    setShown({ value, locale });
    if (shown.locale !== locale || (parseDate(text) ?? '') !== value) setText(formatDate(value, locale));
  }
  const unreadable = left && text.trim() !== '' && parseDate(text) === null;
  return (
    <TextInput
      {...props}
      value={text}
      inputMode="numeric"
      autoComplete="off"
      placeholder={t('date.placeholder')}
      error={error ?? (unreadable ? t('date.invalid') : undefined)}
      onChange={(event) => {
        const typed = event.currentTarget.value;
        const iso = parseDate(typed) ?? '';
        setText(typed);
        setLeft(false);
        setShown({ value: iso, locale });
        if (iso !== value) onValue(iso);
      }}
      onBlur={(event) => {
        setLeft(true);
        // Leaving the field writes the date out in full: 4.1.2026 becomes 04.01.2026.
        const iso = parseDate(text);
        if (iso) setText(formatDate(iso, locale));
        onBlur?.(event);
      }}
    />
  );
}
