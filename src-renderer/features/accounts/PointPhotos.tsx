import { SimpleGrid, Stack, Text } from '@mantine/core';
import { formatDate, formatDateTime } from '../../../shared/i18n/format';
import { useRead } from '../../api/use-read';
import { useI18n } from '../../i18n/i18n';
import { PhonePhoto } from '../entry/PhonePanel';

/** The card's «Фото»: the meter as controllers' phones photographed it, each with its date and the task it was taken on. */
export function PointPhotos({ pointId }: { pointId: number }) {
  const { t, locale } = useI18n();
  const { data } = useRead('photos.ofPoint', { pointId });
  if (!data) return null;
  if (data.length === 0) return <Text c="dimmed">{t('card.photosNone')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" data-testid={`photos-${pointId}`}>
      {data.map((photo) => (
        <Stack key={photo.photoId} gap={2}>
          <PhonePhoto photoId={photo.photoId} height={180} />
          <Text size="xs">
            {t('card.photoLine', {
              date: formatDateTime(photo.takenAt, locale),
              route: photo.routeNumber,
              taskDate: formatDate(photo.taskDate, locale),
              seq: photo.seq,
              by: photo.sentBy,
            })}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
