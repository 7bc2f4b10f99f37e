import {} from '@mantine/core';
import { TextField } from './fields';
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
      <TextField type="date" label={t('tasks.dateFrom')} value={from} onValue={onFromChange} w={160} />
      <TextField type="date" label={t('tasks.dateTo')} value={to} onValue={onToChange} w={160} />
    </>
  );
}
