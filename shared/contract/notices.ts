import { z } from 'zod';
import { id } from './common';
import { read } from './define';

/**
 * Printed disconnection-warning notices (A5, two to an A4 page): for the warnings ticked in the
 * register, or for every warning in force that was formed with a walk task.
 */
export const noticeOptions = z.union([z.object({ warningIds: z.array(id).min(1).max(5000) }), z.object({ taskId: id })]);
export type NoticeOptions = z.infer<typeof noticeOptions>;

export interface NoticesDocument {
  html: string;
  pages: number;
  notices: number;
  fileName: string;
}

export const noticesChannels = {
  /** The notices as they will print; the preview shows this HTML and the hosts print and make PDF from it. */
  'warnings.notices': read<NoticesDocument>()(noticeOptions),
};
