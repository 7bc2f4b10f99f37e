import type { Envelope } from '../../shared/contract/envelope';
import type { Core } from '../core/app';
import type { Db } from '../db/open';
import { chromiumPdf } from '../hosts/web/chromium-pdf';
import { percentile, round, type Figure } from './figures';

const unwrap = <T>(answer: Envelope<unknown>): T => {
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as T;
};

/**
 * Walk tasks on the demo district, through the real registry: a 500-point route formed a few
 * times, every route formed once for one date, and the 500-position sheet printed to PDF.
 */
export async function taskFigures(db: Db, core: Core, taskDate: string): Promise<{ figures: Figure[]; routeId: number }> {
  const call = <T>(channel: string, input: unknown) => unwrap<T>(core.dispatch(channel, input, 'uk'));
  const route = call<{ id: number }>('routes.save', { number: 99_990, name: 'Бенчмарк 500', sectionId: null, executorId: null });
  // Points from across the district, so the route mixes streets like a real one.
  const pointIds = db
    .prepare<[], { id: number }>('SELECT id FROM metering_points WHERE id % 400 = 0 LIMIT 500')
    .all()
    .map((p) => p.id);
  call('routes.assign', { routeId: route.id, selector: { kind: 'points', pointIds }, confirmMove: true });

  const single: number[] = [];
  let taskId = 0;
  // The same route and date again and again, as a user who confirmed the repeat would: the figure is forming itself.
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    taskId = call<{ taskId: number }>('tasks.form', { routeId: route.id, taskDate, criteria: {}, allowDuplicate: true }).taskId;
    single.push(performance.now() - started);
  }

  const routes = call<{ routeId: number }[]>('tasks.routesToForm', {});
  let started = performance.now();
  for (const { routeId } of routes) call('tasks.form', { routeId, taskDate, criteria: {}, allowDuplicate: true });
  const all = performance.now() - started;

  // What print.sheetPdf does: the core's sheet HTML, printed by Chromium as browser mode prints it.
  const pdfTimes: number[] = [];
  for (let run = 0; run < 3; run++) {
    started = performance.now();
    await chromiumPdf(core.services.sheet({ taskId, includeBills: false, includeWarnings: false }, 'uk').html);
    pdfTimes.push(performance.now() - started);
  }
  const figures: Figure[] = [
    {
      name: 'tasks.form_route_500_ms',
      value: round(percentile(single, 50), 1),
      unit: 'ms',
      note: 'median of 5: tasks.form on one 500-point route (select, snapshot, insert, one transaction)',
    },
    {
      name: 'tasks.form_all_ms',
      value: round(all, 0),
      unit: 'ms',
      note: `tasks.form on every route of the district (${routes.length} routes, 200k points), one after another`,
    },
    {
      name: 'print.pdf_500_ms',
      value: round(percentile(pdfTimes, 50), 0),
      unit: 'ms',
      note: 'median of 3: 500-position route sheet to PDF through the browser-mode host (headless Chromium)',
    },
  ];
  return { figures, routeId: route.id };
}
