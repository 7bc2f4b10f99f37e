import { Alert } from '@mantine/core';
import { useState } from 'react';
import { notDoneReasons, type NotDoneReason, type OrderPosition } from '../../../shared/contract/orders';
import { formatMoney } from '../../../shared/i18n/format';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { useStatus } from '../../app/status';
import { ChoiceField, TextField } from '../../components/fields';
import { FormModal } from '../../components/FormModal';
import { useI18n } from '../../i18n/i18n';
import { ActFields, actRequest, newAct } from './act-fields';

interface Props {
  position: OrderPosition;
  onClose: () => void;
}

/**
 * «Відключено»: the act of the cut-off. Today's debt stands above the fields, so a consumer who
 * has paid since the order was formed is seen before the crew's act is typed; the core refuses
 * the cut-off anyway when the debt it was for is gone (order.debtPaid), and its words show here.
 */
export function RecordDoneForm({ position, onClose }: Props) {
  const { t, locale } = useI18n();
  const api = useApi();
  const status = useStatus();
  const [act, setAct] = useState(newAct);
  const submit = async () => {
    const request = actRequest(act);
    if (!request) throw new ApiError({ code: 'request.invalid', message: t('orders.fillAct') });
    await api.call('orders.recordDone', { positionId: position.id, ...request });
    status.show(t('orders.doneSaved', { account: position.accountNumber }));
    onClose();
  };
  const money = (kop: number) => formatMoney(kop, locale);
  return (
    <FormModal
      opened
      danger
      title={t('orders.doneTitle', { account: position.accountNumber, address: position.address })}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('orders.recordDone')}
    >
      <Alert color={position.paidBelowMinimum ? 'red' : 'orange'} data-testid="debt-now">
        {position.debtKop === null
          ? t('orders.debtNowOnly', { sum: money(position.debtNowKop) })
          : t('orders.debtNowLine', { sum: money(position.debtNowKop), formed: money(position.debtKop) })}
        {position.paidBelowMinimum && ` ${t('orders.paidBelowMinimum')}`}
      </Alert>
      <ActFields
        act={act}
        onChange={setAct}
        labels={{ date: t('orders.doneDate'), seal: t('orders.seal'), reading: t('orders.reading') }}
      />
    </FormModal>
  );
}

/** «Не виконано»: why the crew did not cut the point off; «Інше» is written out in the note. */
export function NotDoneForm({ position, onClose }: Props) {
  const { t } = useI18n();
  const api = useApi();
  const status = useStatus();
  const [reason, setReason] = useState<NotDoneReason>('no_access');
  const [note, setNote] = useState('');
  const submit = async () => {
    await api.call('orders.recordNotDone', { positionId: position.id, reason, note: note.trim() });
    status.show(t('orders.notDoneSaved', { account: position.accountNumber }));
    onClose();
  };
  return (
    <FormModal
      opened
      title={t('orders.notDoneTitle', { account: position.accountNumber, address: position.address })}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('orders.recordNotDone')}
    >
      <ChoiceField
        label={t('orders.reason')}
        value={reason}
        onValue={setReason}
        options={notDoneReasons.map((value) => ({ value, label: t(`orders.reason.${value}`) }))}
      />
      <TextField label={t('orders.note')} value={note} onValue={setNote} maxLength={200} required={reason === 'other'} />
    </FormModal>
  );
}
