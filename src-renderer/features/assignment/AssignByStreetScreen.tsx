import { Badge, Button, Checkbox, Group, Kbd, SimpleGrid, Text } from '@mantine/core';
import { skipToken } from '@tanstack/react-query';
import { useState } from 'react';
import type { HouseRow } from '../../../shared/contract/directories';
import { useRead, useReadNow } from '../../api/use-read';
import { useHotkeys } from '../../app/hotkeys';
import { useStatus } from '../../app/status';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PickSelect } from '../../components/PickSelect';
import { Screen } from '../../components/Screen';
import { toggled } from '../../components/selection';
import { useSettlementOptions, useStreetOptions } from '../../components/options';
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
  const status = useStatus();
  const readNow = useReadNow();
  const [routeId, setRouteId] = useState<number | null>(initialRoute ?? null);
  const [settlementId, setSettlementId] = useState<number | null>(null);
  const [streetId, setStreetId] = useState<number | null>(null);
  const settlements = useSettlementOptions();
  const streets = useStreetOptions(settlementId);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  // Keys typed ahead of the houses' arrival keep their meaning: "Вибрати всі" means every house
  // of this street, whenever they are known, and F9 waits for them.
  const [allWanted, setAllWanted] = useState(false);

  const pickNone = () => {
    setPicked(new Set());
    setAllWanted(false);
  };

  const housesInput = streetId === null ? null : { streetId, ...(routeId ? { routeId } : {}) };
  const houses = useRead('houses.list', housesInput ?? skipToken);
  const { assign, confirm, error } = useAssign(pickNone);

  const rows = houses.data ?? [];
  const withPoints = (list: HouseRow[]) => list.filter((house) => house.pointCount > 0).map((house) => house.id);
  const eligible = withPoints(rows);
  const selected = allWanted ? new Set(eligible) : picked;
  const allTicked = eligible.length > 0 && eligible.every((id) => selected.has(id));
  const loading = housesInput !== null && houses.isPending;

  const chooseSettlement = (id: number | null) => {
    setSettlementId(id);
    setStreetId(null);
    pickNone();
  };
  const chooseStreet = (id: number | null) => {
    setStreetId(id);
    pickNone();
  };
  const toggle = (id: number) => {
    setPicked(toggled(selected, id));
    setAllWanted(false);
  };

  const submit = async () => {
    if (routeId === null) return status.show(t('assign.pickRouteFirst'), 'error');
    const houseIds = allWanted && housesInput && loading ? withPoints(await readNow('houses.list', housesInput)) : [...selected];
    if (houseIds.length === 0) return status.show(t('assign.pickHousesFirst'), 'error');
    await assign(routeId, { kind: 'houses', houseIds });
  };
  useHotkeys({ f9: () => void submit() });

  return (
    <Screen title={t('assign.byStreetTitle')} actions={<ToRouteButton routeId={routeId} />}>
      <RoutePicker value={routeId} onChange={setRouteId} autoFocus={initialRoute === undefined} />
      <Group align="flex-end" gap="md">
        <PickSelect<number>
          label={t('assign.settlement')}
          data={settlements}
          value={settlementId}
          onChange={chooseSettlement}
          w={300}
          autoFocus={initialRoute !== undefined}
          data-testid="assign-settlement"
        />
        <PickSelect<number>
          label={t('assign.street')}
          data={streets}
          value={streetId}
          onChange={chooseStreet}
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
          checked={allTicked || (allWanted && loading)}
          indeterminate={!allTicked && selected.size > 0}
          onChange={() => {
            setPicked(new Set());
            setAllWanted(!(allTicked || (allWanted && loading)));
          }}
        />
        <Button onClick={() => void submit()} rightSection={<Kbd size="xs">F9</Kbd>}>
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
