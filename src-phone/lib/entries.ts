import type { LocalPhoto, LocalResult, PhoneResult, PhoneStore } from './store';

/** What the position's form hands over to be kept: the result without its ids, and what became of the photo. */
export interface Entry {
  positionId: number;
  value: number | null;
  reasonCode: number | null;
  confirmed: PhoneResult['confirmed'];
  problems: number[];
  note: string;
  findings: PhoneResult['findings'];
  location: PhoneResult['location'];
  photo: { kind: 'keep' } | { kind: 'none' } | { kind: 'new'; blob: Blob; takenAt: string };
}

/** The position's current result: the one saved last (an edit after sending is a second one). */
export function currentResult(results: LocalResult[], positionId: number): LocalResult | null {
  let latest: LocalResult | null = null;
  for (const r of results) if (r.result.positionId === positionId && (!latest || r.savedAt >= latest.savedAt)) latest = r;
  return latest;
}

/**
 * Keeps an entry on the phone. An unsent result edited again keeps its client id (it replaces
 * itself before anyone saw it); a sent one edited again is a new result with a new id, for the
 * office to see beside the first. A photo replaced before it was sent is dropped.
 */
export async function saveEntry(
  store: PhoneStore,
  entry: Entry,
  at: { savedAt: string; takenAt: string },
  newId: () => string = () => crypto.randomUUID(),
): Promise<LocalResult> {
  const results = await store.results();
  const previous = currentResult(results, entry.positionId);
  const clientId = previous && previous.sent === null ? previous.result.clientId : newId();
  const previousPhotoId = previous?.result.photoId ?? null;
  let photo: LocalPhoto | null = null;
  let photoId: string | null = null;
  if (entry.photo.kind === 'keep') photoId = previousPhotoId;
  if (entry.photo.kind === 'new') {
    photo = {
      clientId: newId(),
      positionId: entry.positionId,
      takenAt: entry.photo.takenAt,
      blob: entry.photo.blob,
      sent: null,
      error: null,
    };
    photoId = photo.clientId;
  }
  // The old photo goes only if no other result (a sent one) still names it; the store keeps sent photos anyway.
  const stillNamed = results.some((r) => r.result.clientId !== clientId && r.result.photoId === previousPhotoId);
  const drop = previousPhotoId !== null && previousPhotoId !== photoId && !stillNamed ? [previousPhotoId] : [];
  const saved: LocalResult = {
    result: {
      clientId,
      positionId: entry.positionId,
      value: entry.value,
      reasonCode: entry.reasonCode,
      confirmed: entry.value === null ? [] : entry.confirmed,
      problems: entry.problems,
      note: entry.note.trim(),
      findings: entry.findings,
      takenAt: at.takenAt,
      location: entry.location,
      photoId,
    },
    savedAt: at.savedAt,
    sent: null,
  };
  await store.saveResult(saved, photo, drop);
  return saved;
}

/** Findings with nothing stated are no findings: the card stays as it is. */
export function findingsOrNull(findings: NonNullable<PhoneResult['findings']>): PhoneResult['findings'] {
  const model = findings.model?.trim() || null;
  return findings.placement === null && findings.condition === null && model === null ? null : { ...findings, model };
}
