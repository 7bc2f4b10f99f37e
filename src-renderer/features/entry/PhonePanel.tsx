import { Badge, Group, Image, Paper, Stack, Text } from '@mantine/core';
import type { PhoneResultView } from '../../../shared/contract/phone';
import { formatDateTime } from '../../../shared/i18n/format';
import { useRead } from '../../api/use-read';
import { useI18n } from '../../i18n/i18n';

interface Props {
  phone: PhoneResultView;
  reasons: { code: number; name: string }[];
}

/** «З телефону»: what the controller's phone sent for this position, with the meter's photo beside the value. */
export function PhonePanel({ phone, reasons }: Props) {
  const { t, number, locale } = useI18n();
  const reason = reasons.find((r) => r.code === phone.reasonCode);
  const what = phone.value !== null ? number(phone.value) : `${phone.reasonCode}. ${reason?.name ?? ''}`;
  return (
    <Paper withBorder p="xs" mb="sm" bg="var(--mantine-color-blue-light)" data-testid="entry-phone">
      <Group align="flex-start" gap="md" wrap="nowrap">
        {phone.photoId && <PhonePhoto photoId={phone.photoId} />}
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={700}>{t('entry.phone')}:</Text>
            <Text fw={700} size="lg" data-testid="entry-phone-value">
              {what}
            </Text>
            <Badge color={phone.status === 'waiting' ? 'blue' : 'gray'}>{t(`entry.phoneStatus.${phone.status}`)}</Badge>
          </Group>
          <Text size="sm">{t('entry.phoneLine', { by: phone.sentBy, at: formatDateTime(phone.takenAt, locale) })}</Text>
          {phone.note && <Text size="sm">{t('entry.phoneNote', { note: phone.note })}</Text>}
          {phone.location && (
            <Text size="xs" c="dimmed">
              {t('entry.phoneLocation', {
                lat: phone.location.lat.toFixed(5),
                lon: phone.location.lon.toFixed(5),
                accuracy: Math.round(phone.location.accuracy),
              })}
            </Text>
          )}
          {phone.status === 'waiting' && (
            <Text size="xs" c="dimmed">
              {t('entry.phoneTake')}
            </Text>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

export function PhonePhoto({ photoId, height = 120 }: { photoId: string; height?: number }) {
  const { t } = useI18n();
  const { data } = useRead('photos.image', { photoId }, { staleTime: Infinity });
  if (!data) return null;
  return <Image src={data.dataUrl} alt={t('entry.phonePhoto')} h={height} w="auto" fit="contain" radius="sm" data-testid="phone-photo" />;
}
