import { CompositeChart, type CompositeChartSeries } from '@mantine/charts';
import { Badge, Loader, Stack, Text } from '@mantine/core';
import type { ConsumptionMonth, ConsumptionReading } from '../../../shared/contract/validation';
import { formatDate, formatMonthShort } from '../../../shared/i18n/format';
import { useRead } from '../../api/use-read';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/i18n';
import { HistoryTable } from '../accounts/HistoryTable';

export interface ConsumptionChartProps {
  pointId: number;
  /** The last day the chart reads to; today's date (the workstation's) when left out. */
  asOf?: string;
  /** The date of a reading under review: its month is marked on the chart and its row in the list. */
  highlightOn?: string;
}

interface Bar {
  label: string;
  used: number | null;
  expected: number | null;
  month: ConsumptionMonth;
}

/**
 * A point's consumption by month over 24 months (bars) against what its own history makes expected
 * (a line), with the control readings it is counted from below. Every figure is the core's
 * (validation.pointConsumption); the chart only draws them. A month with no reading around it has
 * no bar, which is not the same as a bar of 0.
 */
export function ConsumptionChart({ pointId, asOf, highlightOn }: ConsumptionChartProps) {
  const { t, locale, number } = useI18n();
  const { data, error } = useRead('validation.pointConsumption', asOf ? { pointId, asOf } : { pointId });
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loader size="sm" />;

  const unit = t(`unit.${data.commodity}`);
  const amount = (value: number) => number(value, Math.abs(value) < 100 && !Number.isInteger(value) ? 1 : 0);
  const bars: Bar[] = data.months.map((month) => ({
    label: formatMonthShort(month.month, locale),
    used: month.consumption,
    expected: month.expected,
    month,
  }));
  const highlighted = highlightOn ? bars.find((bar) => bar.month.month === highlightOn.slice(0, 7)) : undefined;
  const hasFigures = data.months.some((month) => month.consumption !== null);
  const series: CompositeChartSeries[] = [
    { name: 'used', label: t('consumption.used'), color: 'blue.6', type: 'bar' },
    ...(data.baseRate === null ? [] : [{ name: 'expected', label: t('consumption.expected'), color: 'orange.6', type: 'line' } as const]),
  ];
  const newestFirst = [...data.readings].reverse();

  return (
    <Stack gap="xs" data-testid="consumption-chart" data-highlight-month={highlighted?.month.month}>
      {data.readings.length === 0 ? (
        <Text c="dimmed">{t('consumption.noReadings')}</Text>
      ) : !hasFigures ? (
        <Text c="dimmed">{t('consumption.noFigures')}</Text>
      ) : (
        <>
          <CompositeChart
            h={220}
            data={bars}
            dataKey="label"
            series={series}
            unit={` ${unit}`}
            valueFormatter={amount}
            withLegend
            withDots={false}
            maxBarWidth={28}
            aria-label={t('consumption.chart')}
            // Drawn at once: the figures are the point, and a test counts the bars as they are.
            barProps={{ isAnimationActive: false }}
            lineProps={{ isAnimationActive: false }}
            tooltipProps={{
              labelFormatter: (_label, payload) => {
                const bar = payload[0]?.payload as Bar | undefined;
                if (!bar) return null;
                const { consumption, coveredDays, days } = bar.month;
                return (
                  <>
                    {bar.label}
                    {consumption !== null && coveredDays < days && (
                      <Text size="xs" c="dimmed">
                        {t('consumption.covered', { covered: coveredDays, days })}
                      </Text>
                    )}
                  </>
                );
              },
            }}
            referenceAreas={
              highlighted
                ? [{ x1: highlighted.label, x2: highlighted.label, color: 'red.6', fillOpacity: 0.12, label: t('consumption.highlight') }]
                : []
            }
          />
          {data.baseRate === null && (
            <Text size="xs" c="dimmed">
              {t('consumption.noExpected')}
            </Text>
          )}
        </>
      )}
      {data.readings.length > 0 && (
        <HistoryTable
          height={180}
          testId="consumption-readings"
          label={t('consumption.readings')}
          rows={newestFirst}
          active={(reading) => reading.takenOn === highlightOn}
          columns={[
            { header: t('card.date'), cell: (reading: ConsumptionReading) => formatDate(reading.takenOn, locale) },
            { header: t('card.value'), cell: (reading) => reading.value, right: true },
            {
              header: `${t('consumption.used')}, ${unit}`,
              cell: (reading) => (reading.consumption === null ? '' : amount(reading.consumption)),
              right: true,
            },
            {
              header: t('consumption.flag'),
              cell: (reading) =>
                reading.meterStart ? (
                  <Badge color="teal" variant="light">
                    {t('consumption.meterStart')}
                  </Badge>
                ) : reading.rollover ? (
                  <Badge variant="light">{t('consumption.rollover')}</Badge>
                ) : reading.stepDown ? (
                  <Badge color="red" variant="light">
                    {t('consumption.stepDown')}
                  </Badge>
                ) : null,
            },
            { header: t('card.enteredBy'), cell: (reading) => reading.enteredBy ?? t('common.none') },
          ]}
        />
      )}
    </Stack>
  );
}
