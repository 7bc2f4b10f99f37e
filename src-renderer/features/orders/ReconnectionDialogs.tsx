import { useState } from 'react';
import { reconnectionBases, type ReconnectionBasis, type ReconnectionRow } from '../../../shared/contract/orders';
import { localToday } from '../../../shared/dates';
import { formatDate } from '../../../shared/i18n/format';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { useStatus } from '../../app/status';
import { DateField } from '../../components/DateField';
import { ChoiceField, TextField } from '../../components/fields';
import { FormModal } from '../../components/FormModal';
import { useI18n } from '../../i18n/i18n';
import { ActFields, actRequest, newAct } from './act-fields';

/** The disconnected point a reconnection is formed for, as the screen that offers it knows it. */
export interface DisconnectedPoint {
  pointId: number;
  accountNumber: string;
  address: string;
}

/**
 * «Наряд на підключення»: on payment (the core checks the debt is under the minimum and refuses
 * otherwise) or on the operator's decision, written out in the note. The deadline is the core's to
 * count from the date, the place and the commodity; the status line says it.
 */
export function FormReconnectionForm({ point, onClose }: { point: DisconnectedPoint; onClose: () => void }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const status = useStatus();
  const [basis, setBasis] = useState<ReconnectionBasis>('paid');
  const [note, setNote] = useState('');
  const [formedOn, setFormedOn] = useState(localToday);
  const submit = async () => {
    const row = await api.call('reconnections.form', { pointId: point.pointId, basis, note: note.trim(), formedOn });
    status.show(t('reconnections.formed', { account: row.accountNumber, deadline: formatDate(row.deadlineOn, locale) }));
    onClose();
  };
  return (
    <FormModal
      opened
      title={t('reconnections.formTitle', { account: point.accountNumber, address: point.address })}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('reconnections.formSubmit')}
    >
      <ChoiceField
        label={t('reconnections.basis')}
        value={basis}
        onValue={setBasis}
        options={reconnectionBases.map((value) => ({ value, label: t(`reconnections.basis.${value}`) }))}
      />
      <TextField label={t('reconnections.note')} value={note} onValue={setNote} maxLength={200} required={basis === 'operator'} />
      <DateField label={t('reconnections.formedOn')} value={formedOn} onValue={setFormedOn} required w={180} />
    </FormModal>
  );
}

/** «Підключено»: the act of the reconnection — when, who, the new seal, the meter's reading. */
export function RecordReconnectionForm({ row, onClose }: { row: ReconnectionRow; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const status = useStatus();
  const [act, setAct] = useState(newAct);
  const submit = async () => {
    const request = actRequest(act);
    if (!request) throw new ApiError({ code: 'request.invalid', message: t('orders.fillAct') });
    await api.call('reconnections.record', { id: row.id, ...request });
    status.show(t('reconnections.recorded', { account: row.accountNumber }));
    onClose();
  };
  return (
    <FormModal
      opened
      title={t('reconnections.recordTitle', { account: row.accountNumber, address: row.address })}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('reconnections.record')}
    >
      <ActFields
        act={act}
        onChange={setAct}
        labels={{ date: t('reconnections.doneDate'), seal: t('reconnections.seal'), reading: t('reconnections.reading') }}
      />
    </FormModal>
  );
}
