import { describe, expect, it } from 'vitest';
import { testDistrict } from '../core/test-district';
import { createHostDispatch, sheetPdfHandler } from './host-channels';

describe('host channels', () => {
  const district = testDistrict();
  const rendered: string[] = [];
  const dispatch = createHostDispatch(
    district.core,
    {
      'print.sheetPdf': sheetPdfHandler(district.core, (html) => {
        rendered.push(html);
        return Promise.resolve(Buffer.from('%PDF-1.4 fake'));
      }),
      'print.sheet': () => Promise.resolve({ ok: true, value: { printedByHost: false } }),
    },
    () => {},
  );

  it('validates host channels at the same boundary as the core', async () => {
    const answer = await dispatch('print.sheetPdf', { taskId: 'one' }, 'uk');
    expect(answer).toMatchObject({ ok: false, error: { code: 'request.invalid', field: 'taskId' } });
    expect(rendered).toHaveLength(0);
  });

  it('passes core channels to the registry and core refusals through unchanged', async () => {
    expect(await dispatch('sections.list', {}, 'uk')).toMatchObject({ ok: true });
    const missing = await dispatch('print.sheetPdf', { taskId: 999 }, 'en');
    expect(missing).toMatchObject({ ok: false, error: { code: 'notFound.task', message: 'Task not found (it may have been deleted).' } });
    expect(rendered).toHaveLength(0);
  });

  it('renders the core sheet HTML and returns the PDF with the sheet file name and page count', async () => {
    const route = district.call('routes.save', { number: 3, name: 'Центр', sectionId: null, executorId: null });
    district.call('routes.assign', { routeId: route.id, selector: { kind: 'settlement', settlementId: district.settlements.town } });
    const { taskId } = district.call('tasks.form', { routeId: route.id, taskDate: '2026-11-22', criteria: {} });
    const answer = await dispatch('print.sheetPdf', { taskId }, 'uk');
    expect(answer).toEqual({
      ok: true,
      value: { fileName: 'route-3-2026-11-22.pdf', base64: Buffer.from('%PDF-1.4 fake').toString('base64'), pages: 1 },
    });
    expect(rendered[0]).toContain('Маршрутний лист · Маршрут № 3 «Центр»');
  });

  it('does not let the core answer a host channel it does not serve', () => {
    expect(district.core.dispatch('print.sheet', { taskId: 1 }, 'uk')).toMatchObject({
      ok: false,
      error: { code: 'request.unknownChannel' },
    });
  });
});
