import {} from '@mantine/core';
import { TextField } from '../../components/fields';
import { useState } from 'react';
import type { RouteRow } from '../../../shared/contract/routes';
import { useApi } from '../../api/context';
import { FormModal } from '../../components/FormModal';
import { PickSelect } from '../../components/PickSelect';
import { useControllerOptions, useSectionOptions } from '../../components/options';
import type { EditFormProps } from '../../components/use-editing';
import { useI18n } from '../../i18n/i18n';

/** Mount with a new `key` for each opening: the fields start from the route given. */
export function RouteFormModal({ opened, row: route, onClose, onSaved }: EditFormProps<RouteRow>) {
  const { t } = useI18n();
  const api = useApi();
  const [number, setNumber] = useState(route ? String(route.number) : '');
  const [name, setName] = useState(route?.name ?? '');
  const [sectionId, setSectionId] = useState<number | null>(route?.sectionId ?? null);
  const [executorId, setExecutorId] = useState<number | null>(route?.executorId ?? null);
  const sections = useSectionOptions();
  const executors = useControllerOptions({ id: route?.executorId ?? null, name: route?.executorName ?? null });

  const submit = async () => {
    const saved = await api.call('routes.save', {
      ...(route ? { id: route.id } : {}),
      number: number.trim() === '' ? Number.NaN : Number(number.trim()),
      name,
      sectionId,
      executorId,
    });
    onSaved(saved);
  };

  return (
    <FormModal
      opened={opened}
      title={route ? t('routes.editTitle', { number: route.number }) : t('routes.new')}
      onClose={onClose}
      onSubmit={submit}
    >
      <TextField label={t('routes.number')} value={number} onValue={setNumber} inputMode="numeric" required data-autofocus w={160} />
      <TextField label={t('routes.name')} value={name} onValue={setName} required maxLength={200} />
      <PickSelect<number> label={t('routes.section')} data={sections} value={sectionId} onChange={setSectionId} clearable allowDeselect />
      <PickSelect<number>
        label={t('routes.executor')}
        data={executors}
        value={executorId}
        onChange={setExecutorId}
        clearable
        allowDeselect
      />
    </FormModal>
  );
}
