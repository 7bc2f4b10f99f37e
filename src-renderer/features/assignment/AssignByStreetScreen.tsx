import { Badge, Button, Checkbox, Group, Kbd, SimpleGrid, Text } from '@mantine/core';
import type { ComboboxItem } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { HouseRow } from '../../../shared/contract/directories';
import { useApi } from '../../api/context';
import { useHotkeys } from '../../app/hotkeys';
import { useStatus } from '../../app/status';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PickSelect } from '../../components/PickSelect';
import { Screen } from '../../components/Screen';
import { toggled } from '../../components/selection';
import { settlementOptions, streetOptions } from '../../components/options';
import { useQuery } from '../../components/use-query';
import { useI18n } from '../../i18n/i18n';
import { RoutePicker } from './RoutePicker';
import { ToRouteButton } from './ToRouteButton';
import { useAssign } from './use-assign';

/**
 * Робота з абонентом / Формування маршруту по вулиці: route → settlement → street → houses.
 * Tab walks the fields in that order, Space ticks, "Призначити" (or F9) assigns.
 */
export function AssignByStreetScreen({ routeId: initialRoute }: { routeId?: number | undefined }) {
  const { t } = useI18n();
  const api = useApi();
  const status = useStatus();
  const [routeId, setRouteId] = useState<number | null>(initialRoute ?? null);
  const [settlementId, setSettlementId] = useState<number | null>(null);
  const [streetId, setStreetId] = useState<number | null>(null);
  const [settlements, setSettlements] = useState<ComboboxItem<number>[]>([]);
  const [streets, setStreets] = useState<ComboboxItem<number>[]>([]);
  const [selected, setSelected] = useState<Set<number>>(new Set());

  useEffect(() => void settlementOptions(api).then(setSettlements), [api]);
  useEffect(() => {
    setStreetId(null);
    setStreets([]);
    if (settlementId !== null) void streetOptions(api, settlementId).then(setStreets);
  }, [api, settlementId]);

  const houses = useQuery(
    async (): Promise<HouseRow[]> => (streetId === null ? [] : api.call('houses.list', { streetId, ...(routeId ? { routeId } : {}) })),
    [streetId, routeId],
  );
  // Keys typed ahead of the houses' arrival keep their meaning: "Вибрати всі" means every house
  // of this street, and F9 assigns them as soon as they are known.
  const [allWanted, setAllWanted] = useState(false);
  const [submitWanted, setSubmitWanted] = useState(false);
  useEffect(() => {
    setSelected(new Set());
    setAllWanted(false);
  }, [streetId]);

  const { assign, confirm, error } = useAssign(() => {
    setSelected(new Set());
    setAllWanted(false);
    void houses.reload();
  });

  const rows = houses.data ?? [];
  const withPoints = rows.filter((house) => house.pointCount > 0);
  const allTicked = withPoints.length > 0 && withPoints.every((house) => selected.has(house.id));
  useEffect(() => {
    if (allWanted && houses.data) setSelected(new Set(houses.data.filter((house) => house.pointCount > 0).map((house) => house.id)));
  }, [allWanted, houses.data]);
  const submit = () => {
    if (houses.loading && streetId !== null) setSubmitWanted(true);
    else if (routeId === null) status.show(t('assign.pickRouteFirst'), 'error');
    else if (selected.size === 0) status.show(t('assign.pickHousesFirst'), 'error');
    else void assign(routeId, { kind: 'houses', houseIds: [...selected] });
  };
  useEffect(() => {
    if (submitWanted && !houses.loading && (!allWanted || selected.size > 0 || withPoints.length === 0)) {
      setSubmitWanted(false);
      submit();
    }
  });
  useHotkeys({ f9: submit });

  const toggle = (id: number) => setSelected((current) => toggled(current, id));

  return (
    <Screen title={t('assign.byStreetTitle')} actions={<ToRouteButton routeId={routeId} />}>
      <RoutePicker value={routeId} onChange={setRouteId} autoFocus={initialRoute === undefined} />
      <Group align="flex-end" gap="md">
        <PickSelect<number>
          label={t('assign.settlement')}
          data={settlements}
          value={settlementId}
          onChange={setSettlementId}
          w={300}
          autoFocus={initialRoute !== undefined}
          data-testid="assign-settlement"
        />
        <PickSelect<number>
          label={t('assign.street')}
          data={streets}
          value={streetId}
          onChange={setStreetId}
          w={300}
          // Stays enabled: a disabled field drops out of the Tab order and the keyboard flow would skip it.
          placeholder={settlementId === null ? t('addresses.pickSettlement') : undefined}
          data-testid="assign-street"
        />
      </Group>
      <ErrorAlert error={houses.error ?? error} />
      {/* Always present and enabled, so Tab from the street lands here even before the houses load. */}
      <Group gap="lg">
        <Checkbox
          label={t('assign.selectAll')}
          checked={allTicked || (allWanted && houses.loading)}
          indeterminate={!allTicked && selected.size > 0}
          onChange={() => {
            setAllWanted(!allTicked);
            setSelected(allTicked ? new Set() : new Set(withPoints.map((house) => house.id)));
          }}
        />
        <Button onClick={submit} rightSection={<Kbd size="xs">F9</Kbd>}>
          {t('assign.submit')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('assign.selectedHouses', { count: selected.size })}
        </Text>
      </Group>
      {streetId !== null && (
        <>
          <fieldset className="plain-fieldset" aria-label={t('assign.houses')}>
            <SimpleGrid cols={{ base: 2, sm: 4, lg: 6 }} spacing="xs" data-testid="houses">
              {rows.map((house) => (
                <Checkbox
                  key={house.id}
                  checked={selected.has(house.id)}
                  onChange={() => toggle(house.id)}
                  disabled={house.pointCount === 0}
                  label={
                    <Group gap={4} wrap="nowrap">
                      <Text fw={600}>{house.number}</Text>
                      <Text size="xs" c="dimmed">
                        {t('assign.houseInfo', { count: house.pointCount })}
                      </Text>
                      {house.onRouteCount > 0 && (
                        <Badge size="xs" color="green" title={t('assign.onThisRoute', { count: house.onRouteCount })}>
                          ✓{house.onRouteCount}
                        </Badge>
                      )}
                      {house.otherRoutes.length > 0 && (
                        <Badge size="xs" color="orange" title={t('assign.onOtherRoutes', { routes: house.otherRoutes.join(', ') })}>
                          № {house.otherRoutes.join(', ')}
                        </Badge>
                      )}
                    </Group>
                  }
                />
              ))}
            </SimpleGrid>
          </fieldset>
        </>
      )}
      {confirm}
    </Screen>
  );
}
