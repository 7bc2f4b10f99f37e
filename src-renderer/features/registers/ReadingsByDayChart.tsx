import { LineChart } from '@mantine/charts';
import { Stack, Text } from '@mantine/core';
import { formatDayShort } from '../../../shared/i18n/format';
import { useRead } from '../../api/use-read';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/i18n';

/** One colour a controller, in the order the core lists them; more controllers than colours share them. */
const palette = ['blue.6', 'teal.6', 'orange.6', 'grape.6', 'red.6', 'cyan.6', 'lime.7', 'pink.6', 'indigo.6', 'yellow.7'];

/**
 * Readings per controller per day over the execution report's period and route (Звіти / Виконання
 * звітів): one line a controller, the counts as the core gives them (reports.readingsByDay).
 */
export function ReadingsByDayChart({ dateFrom, dateTo, routeId }: { dateFrom: string; dateTo: string; routeId: number | null }) {
  const { t, locale } = useI18n();
  const { data, error } = useRead('reports.readingsByDay', { dateFrom, dateTo, routeId });
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const rows = data.days.map((day, index) => ({
    day: formatDayShort(day, locale),
    ...Object.fromEntries(data.controllers.map((controller, at) => [`c${at}`, controller.counts[index]])),
  }));
  return (
    <Stack gap={4} data-testid="readings-by-day">
      <Text size="sm" fw={500}>
        {t('registers.byDay')}
      </Text>
      {data.controllers.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('registers.byDayEmpty')}
        </Text>
      ) : (
        <LineChart
          h={200}
          data={rows}
          dataKey="day"
          series={data.controllers.map((controller, at) => ({
            name: `c${at}`,
            label: controller.name,
            color: palette[at % palette.length]!,
          }))}
          curveType="linear"
          withLegend
          withDots={data.days.length <= 62}
          aria-label={t('registers.byDay')}
          lineProps={{ isAnimationActive: false }}
          yAxisProps={{ allowDecimals: false }}
        />
      )}
    </Stack>
  );
}
