import { Button, Group, Kbd, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { profileShareMax, type CommodityProfile } from '../../../shared/contract/profile';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { useRead } from '../../api/use-read';
import { useStatus } from '../../app/status';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Screen } from '../../components/Screen';
import { useAction } from '../../components/use-action';
import { useI18n } from '../../i18n/i18n';

/**
 * Сервіс / Профіль споживання: each commodity's twelve monthly shares, which weigh a point's
 * expected consumption. A column is typed top to bottom (Enter or ↓ to the next month, ↑ back,
 * Tab as usual) and saved whole with Ctrl+Enter or its button; the part of the year and the day
 * weight beside each month are the core's reading of the saved shares.
 */
export function ProfileScreen() {
  const { t } = useI18n();
  const { data, error } = useRead('profile.list', {});
  return (
    <Screen title={t('profile.title')}>
      <ErrorAlert error={error} />
      <Text size="sm" c="dimmed" maw={900}>
        {t('profile.hint')}
      </Text>
      <Group align="flex-start" gap="xl">
        {data?.map((profile, at) => (
          <CommodityTable key={profile.commodity} profile={profile} first={at === 0} />
        ))}
      </Group>
    </Screen>
  );
}

const monthOf = (field: string | undefined) => {
  const match = /^shares\.(\d+)$/.exec(field ?? '');
  return match ? Number(match[1]) : null;
};

/** One commodity's months; the first table's January takes the cursor when the screen opens. */
function CommodityTable({ profile, first }: { profile: CommodityProfile; first: boolean }) {
  const { t, locale, number } = useI18n();
  const api = useApi();
  const status = useStatus();
  const { run, busy, error } = useAction();
  const saved = profile.months.map((month) => month.share);
  const [typed, setTyped] = useState<(number | string)[]>(saved);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const saveButton = useRef<HTMLButtonElement>(null);
  const name = t(`profile.commodity.${profile.commodity}`);
  const monthName = (index: number) => t(`month.${index + 1}` as 'month.1');
  const dirty = typed.some((value, index) => value !== saved[index]);
  const wrongMonth = monthOf(error?.field);

  // A refused month takes the cursor, so the fix is typed where the message points.
  useEffect(() => {
    if (wrongMonth !== null) inputs.current[wrongMonth]?.focus();
  }, [error, wrongMonth]);

  const save = () =>
    run(async () => {
      const shares = typed.map((value, index) => {
        if (typeof value === 'number') return value;
        throw new ApiError({
          code: 'request.invalid',
          message: t('profile.notANumber', { month: monthName(index) }),
          field: `shares.${index}`,
        });
      });
      await api.call('profile.save', { commodity: profile.commodity, shares });
      status.show(t('profile.saved', { commodity: name }));
    });

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, index: number) => {
    const plain = !event.ctrlKey && !event.altKey && !event.metaKey;
    const move = (to: number) => {
      event.preventDefault();
      const next = to >= 12 ? saveButton.current : inputs.current[Math.max(0, to)];
      next?.focus();
      // A share is retyped whole, as Tab leaves it. Selected here and now: the field's own focus
      // handlers run a task later, after digits typed straight on would have joined the old share.
      if (next instanceof HTMLInputElement) next.select();
    };
    if (event.key === 'Enter' && event.ctrlKey) {
      event.preventDefault();
      void save();
    } else if (plain && ((event.key === 'Enter' && !event.shiftKey) || event.key === 'ArrowDown')) move(index + 1);
    else if (plain && ((event.key === 'Enter' && event.shiftKey) || event.key === 'ArrowUp')) move(index - 1);
  };

  return (
    <Paper withBorder p="sm" data-testid={`profile-${profile.commodity}`}>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {name}
        </Title>
        <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('profile.month')}</Table.Th>
              <Table.Th>{t('profile.share')}</Table.Th>
              <Table.Th ta="right">{t('profile.ofYear')}</Table.Th>
              <Table.Th ta="right">{t('profile.dayWeight')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {profile.months.map((month, index) => (
              <Table.Tr key={month.month}>
                <Table.Td>{monthName(index)}</Table.Td>
                <Table.Td>
                  <NumberInput
                    ref={(element) => {
                      inputs.current[index] = element;
                    }}
                    aria-label={`${name}, ${monthName(index)}`}
                    autoFocus={first && index === 0}
                    value={typed[index]}
                    onChange={(value) => setTyped((values) => values.map((old, at) => (at === index ? value : old)))}
                    onKeyDown={(event) => onKeyDown(event, index)}
                    error={wrongMonth === index}
                    min={0}
                    max={profileShareMax}
                    clampBehavior="none"
                    allowNegative={false}
                    decimalScale={6}
                    decimalSeparator={locale === 'uk' ? ',' : '.'}
                    hideControls
                    withKeyboardEvents={false}
                    w={120}
                    size="xs"
                    styles={{ input: { textAlign: 'right' } }}
                  />
                </Table.Td>
                <Table.Td ta="right" c={dirty ? 'dimmed' : undefined}>
                  {number(month.ofYear * 100, 1)} %
                </Table.Td>
                <Table.Td ta="right" c={dirty ? 'dimmed' : undefined}>
                  {number(month.dayWeight, 2)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {dirty && (
          <Text size="sm" c="orange">
            {t('profile.unsaved')}
          </Text>
        )}
        <ErrorAlert error={error} />
        <Group>
          <Button ref={saveButton} onClick={() => void save()} loading={busy} rightSection={<Kbd size="xs">Ctrl+Enter</Kbd>}>
            {t('profile.save', { commodity: name })}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
