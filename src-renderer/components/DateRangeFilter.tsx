import { TextInput } from '@mantine/core';
import { useI18n } from '../i18n/i18n';

interface Props {
  from: string;
  to: string;
  onFromChange: (iso: string) => void;
  onToChange: (iso: string) => void;
}

/** "Дата з" and "Дата по" for a list's filters; empty means open-ended. */
export function DateRangeFilter({ from, to, onFromChange, onToChange }: Props) {
  const { t } = useI18n();
  return (
    <>
      <TextInput type="date" label={t('tasks.dateFrom')} value={from} onChange={(e) => onFromChange(e.currentTarget.value)} w={160} />
      <TextInput type="date" label={t('tasks.dateTo')} value={to} onChange={(e) => onToChange(e.currentTarget.value)} w={160} />
    </>
  );
}
