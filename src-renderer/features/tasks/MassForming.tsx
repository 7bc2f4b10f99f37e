import { Checkbox, Fieldset, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n';

/** The two warning boxes a walk task and a disconnection order are both formed with. */
export function WarningBoxes(props: {
  legend: string;
  nonPayment: boolean;
  nonAdmittance: boolean;
  onNonPayment: (on: boolean) => void;
  onNonAdmittance: (on: boolean) => void;
}) {
  const { t } = useI18n();
  return (
    <Fieldset legend={props.legend}>
      <SimpleGrid cols={2}>
        <Checkbox
          label={t('tasks.warnNonPayment')}
          checked={props.nonPayment}
          onChange={(e) => props.onNonPayment(e.currentTarget.checked)}
        />
        <Checkbox
          label={t('tasks.warnNonAdmittance')}
          checked={props.nonAdmittance}
          onChange={(e) => props.onNonAdmittance(e.currentTarget.checked)}
        />
      </SimpleGrid>
    </Fieldset>
  );
}

/** How far forming route by route has got: "12 of 384 routes". */
export function MassProgress({ progress, busy }: { progress: { done: number; total: number } | null; busy: boolean }) {
  const { t } = useI18n();
  if (!progress) return null;
  return (
    <Stack gap={4}>
      <Progress
        value={progress.total ? (100 * progress.done) / progress.total : 100}
        animated={busy}
        aria-label={t('tasks.massProgress', progress)}
      />
      <Text size="xs" c="dimmed">
        {t('tasks.massProgress', progress)}
      </Text>
    </Stack>
  );
}
