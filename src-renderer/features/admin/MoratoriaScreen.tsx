import { useState } from 'react';
import type { MoratoriumRow } from '../../../shared/contract/moratoria';
import { formatDate } from '../../../shared/i18n/format';
import { useApi } from '../../api/context';
import { useRead } from '../../api/use-read';
import type { Column } from '../../components/DataTable';
import { DateField } from '../../components/DateField';
import { TextField } from '../../components/fields';
import { FormModal } from '../../components/FormModal';
import { ListEditScreen } from '../../components/ListEditScreen';
import { PickSelect } from '../../components/PickSelect';
import { useSettlementOptions } from '../../components/options';
import type { EditFormProps } from '../../components/use-editing';
import { useI18n } from '../../i18n/i18n';

/**
 * Сервіс / Мораторій на відключення: settlements where no disconnection order is formed between
 * two dates. Insert adds, F2 or Enter edits, Delete removes.
 */
export function MoratoriaScreen() {
  const { t, locale } = useI18n();
  const api = useApi();
  const { data, error } = useRead('moratoria.list', {});
  const columns: Column<MoratoriumRow>[] = [
    { key: 'settlement', header: t('moratoria.settlement'), render: (m) => m.settlementName },
    { key: 'from', header: t('moratoria.from'), render: (m) => formatDate(m.fromOn, locale), width: 130 },
    { key: 'to', header: t('moratoria.to'), render: (m) => (m.toOn ? formatDate(m.toOn, locale) : t('moratoria.openEnded')), width: 130 },
    { key: 'note', header: t('moratoria.note'), render: (m) => m.note },
  ];
  return (
    <ListEditScreen
      title={t('moratoria.title')}
      testId="moratoria-table"
      columns={columns}
      rows={data}
      error={error}
      savedName={(m) => m.settlementName}
      form={(props) => <MoratoriumForm {...props} />}
      deletion={{
        question: (m) => t('moratoria.deleteQuestion', { settlement: m.settlementName, from: formatDate(m.fromOn, locale) }),
        remove: async (m) => {
          await api.call('moratoria.delete', { id: m.id });
          return t('moratoria.deleted');
        },
      }}
    />
  );
}

function MoratoriumForm({ opened, row, onClose, onSaved }: EditFormProps<MoratoriumRow>) {
  const { t } = useI18n();
  const api = useApi();
  const settlements = useSettlementOptions();
  const [settlementId, setSettlementId] = useState<number | null>(row?.settlementId ?? null);
  const [fromOn, setFromOn] = useState(row?.fromOn ?? '');
  const [toOn, setToOn] = useState(row?.toOn ?? '');
  const [note, setNote] = useState(row?.note ?? '');
  const save = () =>
    api.call('moratoria.save', {
      ...(row ? { id: row.id } : {}),
      // An unpicked settlement goes as 0, which the contract refuses by the field's name.
      settlementId: settlementId ?? 0,
      fromOn,
      toOn: toOn === '' ? null : toOn,
      note,
    });
  return (
    <FormModal
      opened={opened}
      title={row ? row.settlementName : t('moratoria.new')}
      onClose={onClose}
      onSubmit={async () => onSaved(await save())}
    >
      <PickSelect<number>
        label={t('moratoria.settlement')}
        data={settlements}
        value={settlementId}
        onChange={setSettlementId}
        required
        data-autofocus
      />
      <DateField label={t('moratoria.from')} value={fromOn} onValue={setFromOn} required w={180} />
      <DateField label={t('moratoria.to')} description={t('moratoria.toHint')} value={toOn} onValue={setToOn} w={180} />
      <TextField label={t('moratoria.note')} value={note} onValue={setNote} maxLength={200} />
    </FormModal>
  );
}
