import { describe, expect, it } from 'vitest';
import { currentResult, findingsOrNull, saveEntry, type Entry } from './entries';
import { createMemoryStore } from './memory-store';

const entry = (change: Partial<Entry> = {}): Entry => ({
  positionId: 7,
  value: 1234,
  reasonCode: null,
  confirmed: [],
  problems: [],
  note: '',
  findings: null,
  location: null,
  photo: { kind: 'keep' },
  ...change,
});
const jpeg = () => new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });

describe('keeping an entry on the phone', () => {
  let n = 0;
  const newId = () => `client-${String(++n).padStart(4, '0')}`;
  const at = (second: number) => ({
    savedAt: `2026-03-04T07:00:${String(second).padStart(2, '0')}.000Z`,
    takenAt: '2026-03-04T09:00:00.000+02:00',
  });

  it('keeps the client id of an unsent result edited again, and gives a sent one edited again a new id', async () => {
    const store = createMemoryStore();
    const first = await saveEntry(store, entry(), at(1), newId);
    const edited = await saveEntry(store, entry({ value: 1235 }), at(2), newId);
    expect(edited.result.clientId).toBe(first.result.clientId);
    expect(store.dump().results).toHaveLength(1);

    await store.markResultsSent([{ clientId: first.result.clientId, status: 'new' }], '2026-03-04T07:01:00.000Z');
    const after = await saveEntry(store, entry({ value: null, reasonCode: 3, confirmed: ['tooHigh'] }), at(3), newId);
    expect(after.result.clientId).not.toBe(first.result.clientId);
    expect(after.result.confirmed).toEqual([]);
    expect(store.dump().results).toHaveLength(2);
    expect(currentResult(store.dump().results, 7)?.result.clientId).toBe(after.result.clientId);
  });

  it('drops an unsent photo replaced before it was sent, and keeps a sent one another result names', async () => {
    const store = createMemoryStore();
    const withPhoto = await saveEntry(
      store,
      entry({ photo: { kind: 'new', blob: jpeg(), takenAt: '2026-03-04T09:00:00.000+02:00' } }),
      at(1),
      newId,
    );
    const firstPhoto = withPhoto.result.photoId!;
    const replaced = await saveEntry(
      store,
      entry({ photo: { kind: 'new', blob: jpeg(), takenAt: '2026-03-04T09:01:00.000+02:00' } }),
      at(2),
      newId,
    );
    expect(store.dump().photos.map((p) => p.clientId)).toEqual([replaced.result.photoId]);
    expect(firstPhoto).not.toBe(replaced.result.photoId);

    const kept = await saveEntry(store, entry({ note: ' ще раз ' }), at(3), newId);
    expect(kept.result.photoId).toBe(replaced.result.photoId);
    expect(kept.result.note).toBe('ще раз');

    await store.markPhoto(kept.result.photoId!, { sent: { at: '2026-03-04T07:05:00.000Z', status: 'new' }, error: null });
    await store.markResultsSent([{ clientId: kept.result.clientId, status: 'new' }], '2026-03-04T07:05:00.000Z');
    const removed = await saveEntry(store, entry({ photo: { kind: 'none' } }), at(4), newId);
    expect(removed.result.photoId).toBeNull();
    expect(store.dump().photos).toHaveLength(1);
  });

  it('takes findings with nothing stated as none', () => {
    expect(findingsOrNull({ placement: null, condition: null, model: '  ' })).toBeNull();
    expect(findingsOrNull({ placement: 'facade', condition: null, model: ' ' })).toEqual({
      placement: 'facade',
      condition: null,
      model: null,
    });
  });
});
