import type { NoticeOptions, NoticesDocument, noticesChannels } from '../../../shared/contract/notices';
import type { Db } from '../../db/open';
import { DomainError } from '../errors';
import { a4PageStyle, printDocument } from '../printing/a4-page';
import type { Handlers } from '../registry';
import { noticePages, noticeStyle } from './notice-layout';
import { warningNotices } from './warning-notices';

/**
 * Printed notices of disconnection warnings: the preview channel here, and the same document for
 * the hosts to print or turn into PDF, and for the route sheet to append.
 */
export function noticeHandlers(db: Db) {
  const notices = warningNotices(db);
  const task = db.prepare<[number], { routeNumber: number; taskDate: string }>(
    'SELECT r.number AS routeNumber, t.task_date AS taskDate FROM walk_tasks t JOIN routes r ON r.id = t.route_id WHERE t.id = ?',
  );

  const document = (options: NoticeOptions): NoticesDocument => {
    let list;
    let fileName;
    if ('taskId' in options) {
      const found = task.get(options.taskId);
      if (!found) throw new DomainError('notFound.task');
      list = notices.forTask(options.taskId);
      // A bundle with nothing in it would print a blank sheet; the master is told why instead.
      if (list.length === 0) throw new DomainError('warning.noNoticesForTask');
      fileName = `notices-route-${found.routeNumber}-${found.taskDate}.pdf`;
    } else {
      list = notices.forWarnings(options.warningIds);
      fileName = `notices-${list.length}.pdf`;
    }
    const pages = noticePages(list);
    const html = printDocument({ lang: 'uk', title: 'Попередження про відключення', style: a4PageStyle + noticeStyle, pages });
    return { html, pages: pages.length, notices: list.length, fileName };
  };

  const handlers: Handlers<keyof typeof noticesChannels> = {
    'warnings.notices': (options) => document(options),
  };
  return { handlers, document };
}
