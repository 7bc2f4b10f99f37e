import { Group, SegmentedControl, Text } from '@mantine/core';
import { useState } from 'react';
import { PickSelect } from '../../components/PickSelect';
import { useSectionOptions } from '../../components/options';
import { useI18n } from '../../i18n/i18n';
import { RoutePicker } from '../assignment/RoutePicker';

export type Scope = 'route' | 'section' | 'all';

/**
 * What a mass form works over — one route, every route of a section, or all routes — as walk tasks
 * and disconnection orders are both formed: the choice and the picker it needs.
 */
export function useRouteScope(initialRoute?: number) {
  const { t } = useI18n();
  const [scope, setScope] = useState<Scope>('route');
  const [routeId, setRouteId] = useState<number | null>(initialRoute ?? null);
  const [sectionId, setSectionId] = useState<number | null>(null);
  const sections = useSectionOptions();
  const picker = (
    <Group align="flex-end" gap="lg">
      <div>
        <Text size="sm" fw={500} mb={4}>
          {t('tasks.scope')}
        </Text>
        <SegmentedControl<Scope>
          value={scope}
          onChange={setScope}
          data={[
            { value: 'route', label: t('tasks.scopeRoute') },
            { value: 'section', label: t('tasks.scopeSection') },
            { value: 'all', label: t('tasks.scopeAll') },
          ]}
        />
      </div>
      {scope === 'route' && <RoutePicker value={routeId} onChange={setRouteId} autoFocus />}
      {scope === 'section' && (
        <PickSelect<number> label={t('tasks.section')} data={sections} value={sectionId} onChange={setSectionId} w={300} />
      )}
    </Group>
  );
  return { scope, routeId, sectionId, picker };
}
