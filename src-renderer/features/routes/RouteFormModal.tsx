import { TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { RouteRow } from '../../../shared/contract/routes';
import { useApi } from '../../api/context';
import { FormModal } from '../../components/FormModal';
import { PickSelect } from '../../components/PickSelect';
import { useI18n } from '../../i18n/i18n';

interface Props {
  opened: boolean;
  /** The route being edited; absent for a new one. */
  route?: RouteRow | undefined;
  onClose: () => void;
  onSaved: (route: RouteRow) => void;
}

export function RouteFormModal({ opened, route, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const api = useApi();
  const [number, setNumber] = useState('');
  const [name, setName] = useState('');
  const [sectionId, setSectionId] = useState<number | null>(null);
  const [executorId, setExecutorId] = useState<number | null>(null);
  const [sections, setSections] = useState<{ value: number; label: string }[]>([]);
  const [executors, setExecutors] = useState<{ value: number; label: string }[]>([]);

  useEffect(() => {
    if (!opened) return;
    setNumber(route ? String(route.number) : '');
    setName(route?.name ?? '');
    setSectionId(route?.sectionId ?? null);
    setExecutorId(route?.executorId ?? null);
    void api.call('sections.list', {}).then((rows) => setSections(rows.map((s) => ({ value: s.id, label: s.name }))));
    void api.call('employees.list', { onlyActiveControllers: true }).then((rows) => {
      const options = rows.map((e) => ({ value: e.id, label: e.fullName }));
      // A route may still name someone who has since left; show them so the form is truthful.
      if (route?.executorId && !rows.some((e) => e.id === route.executorId)) {
        options.push({ value: route.executorId, label: route.executorName ?? String(route.executorId) });
      }
      setExecutors(options);
    });
  }, [opened, route, api]);

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
      <TextInput
        label={t('routes.number')}
        value={number}
        onChange={(e) => setNumber(e.currentTarget.value)}
        inputMode="numeric"
        required
        data-autofocus
        w={160}
      />
      <TextInput label={t('routes.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={200} />
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
