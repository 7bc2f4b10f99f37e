import { DateField } from './DateField';
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
      <DateField label={t('tasks.dateFrom')} value={from} onValue={onFromChange} w={160} />
      <DateField label={t('tasks.dateTo')} value={to} onValue={onToChange} w={160} />
    </>
  );
}
