import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { access, allows } from '../../../shared/contract/access';
import type { PointMark, PointMarks as Marks } from '../../../shared/contract/accounts';
import { localToday } from '../../../shared/dates';
import { formatDate } from '../../../shared/i18n/format';
import { useApi } from '../../api/context';
import { useAuth } from '../../app/AuthGate';
import { useStatus } from '../../app/status';
import { DateField } from '../../components/DateField';
import { TextField } from '../../components/fields';
import { FormModal } from '../../components/FormModal';
import { useI18n } from '../../i18n/i18n';

/**
 * A point's "Є звернення" and "на обстеження" marks on the account card: since when and why, set
 * (or moved) with a date and a note, cleared once the visit has dealt with it. Each change is one
 * audited write; a role that may not change them sees them only.
 */
export function PointMarks({ point }: { point: Marks }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const status = useStatus();
  const { user } = useAuth();
  const mayChange = allows(user.role, access['points.setMark']);
  const [editing, setEditing] = useState<PointMark | null>(null);
  const marks = [
    { mark: 'complaint', since: point.complaintSince, note: point.complaintNote },
    { mark: 'inspection', since: point.inspectionSince, note: point.inspectionNote },
  ] as const;

  const clear = async (mark: PointMark) => {
    await api.call('points.setMark', { pointId: point.id, mark, since: null, note: '' });
    status.show(t(`marks.cleared.${mark}`));
  };

  return (
    <Stack gap={2} data-testid={`marks-${point.id}`}>
      {marks.map(({ mark, since, note }) => (
        <Group key={mark} gap="xs" wrap="nowrap" data-testid={`mark-${mark}`}>
          <Text size="sm" w={140} fw={since ? 600 : undefined} c={since ? undefined : 'dimmed'}>
            {t(`marks.${mark}`)}
          </Text>
          <Text size="sm" style={{ flex: 1 }}>
            {since ? t('marks.since', { date: formatDate(since, locale) }) + (note ? ` — ${note}` : '') : t('marks.none')}
          </Text>
          {mayChange && (
            <>
              <Button size="compact-xs" variant="default" onClick={() => setEditing(mark)}>
                {since ? t('marks.change') : t('marks.set')}
              </Button>
              {since && (
                <Button size="compact-xs" variant="default" color="red" onClick={() => void clear(mark)}>
                  {t('marks.clear')}
                </Button>
              )}
            </>
          )}
        </Group>
      ))}
      {editing && <MarkForm point={point} mark={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

/** The note first (what is typed), then the date (today unless the mark has one); Enter saves, Esc cancels. */
function MarkForm({ point, mark, onClose }: { point: Marks; mark: PointMark; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const status = useStatus();
  const current =
    mark === 'complaint'
      ? { since: point.complaintSince, note: point.complaintNote }
      : { since: point.inspectionSince, note: point.inspectionNote };
  const [since, setSince] = useState(current.since ?? localToday());
  const [note, setNote] = useState(current.note);
  return (
    <FormModal
      opened
      title={t(`marks.title.${mark}`)}
      onClose={onClose}
      onSubmit={async () => {
        await api.call('points.setMark', { pointId: point.id, mark, since, note });
        status.show(t(`marks.saved.${mark}`));
        onClose();
      }}
    >
      <TextField label={t('marks.note')} value={note} onValue={setNote} maxLength={200} data-autofocus />
      <DateField label={t('marks.date')} value={since} onValue={setSince} required w={180} />
    </FormModal>
  );
}
