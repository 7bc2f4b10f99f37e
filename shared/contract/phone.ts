import { z } from 'zod';
import { read, write } from './define';
import { clientId } from './field';
import { id } from './common';

/** A result the controller's phone sent for a position, as the entry screen shows it («з телефону»). */
export interface PhoneResultView {
  id: number;
  value: number | null;
  reasonCode: number | null;
  problems: number[];
  note: string;
  takenAt: string;
  sentBy: string;
  /**
   * `waiting` for the operator; `entered` taken in (or the position entered while it waited);
   * `beside` an entry the office made first (the correction queue has it when they differ).
   */
  status: 'waiting' | 'entered' | 'beside';
  /** The client id of the photo of the meter, once it has arrived. */
  photoId: string | null;
  location: { lat: number; lon: number; accuracy: number } | null;
}

export interface PhotoRow {
  photoId: string;
  positionId: number;
  /** The position's number in its task, as the route sheet printed it. */
  seq: number;
  takenAt: string;
  sentBy: string;
  taskDate: string;
  routeNumber: number;
  bytes: number;
}

export const phoneChannels = {
  /**
   * Takes in every waiting phone result of the task that passes every check (a reason always does):
   * each saved as entry saves a typed position, in the operator's name. The rest stay for review.
   */
  'phone.acceptPlausible': write<{ accepted: number; left: number }>()(z.object({ taskId: id })),
  /** A point's meter photos from phones, newest first. */
  'photos.ofPoint': read<PhotoRow[]>()(z.object({ pointId: id })),
  /** The image as a data URL (the screen's CSP takes data: images and nothing remote). */
  'photos.image': read<{ dataUrl: string }>()(z.object({ photoId: clientId })),
};
