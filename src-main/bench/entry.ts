import { chromium } from '@playwright/test';
import type { EntryPosition } from '../../shared/contract/entry';
import type { Envelope } from '../../shared/contract/envelope';
import type { Registry } from '../core/registry';
import { percentile, round, type Figure } from './figures';
import { chromiumArgs, chromiumPath, startWebMain } from './web-process';

type SaveAnswer = { next: EntryPosition | null };

/**
 * A value that passes every check for this position, so each save is the plain two-Enter case: the
 * point's expected consumption, or 7 where the monthly maximum judges it.
 */
const plausible = (position: EntryPosition) => {
  const value = (position.previous?.value ?? 0) + (position.expected ? Math.max(1, Math.round(position.expected.consumption)) : 7);
  return position.meterDigits !== null && value >= 10 ** position.meterDigits ? null : String(value);
};

const dayAfter = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Tasks for entry as a district's operators get them: each route's task for a day, then the next
 * day's, formed through the registry when asked for.
 */
export function entryTasks(core: Registry, routeIds: readonly number[], firstDay: string) {
  let formed = 0;
  return (): { taskId: number; checkedOn: string } => {
    const checkedOn = dayAfter(firstDay, Math.floor(formed / routeIds.length));
    const routeId = routeIds[formed % routeIds.length]!;
    formed++;
    const answer = core.dispatch('tasks.form', { routeId, taskDate: checkedOn, criteria: {} }, 'uk') as Envelope<{ taskId: number }>;
    if (!answer.ok) throw new Error(answer.error.message);
    return { taskId: answer.value.taskId, checkedOn };
  };
}

/**
 * The operator's commit as the core sees it: save one position and hand out the next, through
 * the real handler registry, task after task until `samples` saves are timed.
 */
export function commitFigures(core: Registry, nextTask: () => { taskId: number; checkedOn: string }, samples = 1000): Figure[] {
  const call = <T>(channel: string, input: unknown) => {
    const answer = core.dispatch(channel, input, 'uk') as Envelope<T>;
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  };
  const times: number[] = [];
  let tasks = 0;
  while (times.length < samples) {
    const { taskId, checkedOn } = nextTask();
    tasks++;
    let position: EntryPosition | null = call<EntryPosition>('entry.position', { taskId, seq: 1 });
    while (position && times.length < samples) {
      const value = plausible(position);
      const outcome = value === null ? { kind: 'reason', reasonCode: 6 } : { kind: 'reading', value };
      const started = performance.now();
      position = call<SaveAnswer>('entry.save', {
        positionId: position.positionId,
        checkedOn,
        maxConsumption: { electricity: 1500, gas: 500 },
        outcome,
      }).next;
      times.push(performance.now() - started);
    }
  }
  const of = `${times.length} saves over ${tasks} tasks of 500-point routes`;
  return [50, 95, 99].map((p) => ({
    name: `entry.commit_p${p}_ms`,
    value: round(percentile(times, p), 2),
    unit: 'ms',
    note:
      p === 50
        ? `entry.save + next position through the registry, ${of}`
        : `p${p} of the same ${times.length} saves${p === 99 ? '; compare with sqlite.raw_insert_p99_ms' : ''}`,
  }));
}

/**
 * From the Enter that saves to the next position painted, in Chromium over the browser-mode host:
 * task after task (each opened from the tasks list's link, as an operator would) until `samples`
 * paints are measured. The mark is taken in the page: Enter's keydown on Виконати, then the first
 * animation frame after the position number changed, then the task that frame's paint ran.
 */
export async function nextPaintFigure(
  webMain: string,
  dbFile: string,
  taskIds: readonly number[],
  user: { login: string; password: string },
  samples = 1000,
): Promise<[Figure, Figure]> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const host = startWebMain(webMain, dbFile);
  try {
    const page = await browser.newPage();
    await page.goto(await host.url);
    await page.getByLabel('Логін').waitFor({ timeout: 60_000 });
    await page.keyboard.type(user.login);
    await page.keyboard.press('Tab');
    await page.keyboard.type(user.password);
    await page.keyboard.press('Enter');
    await page.getByTestId('home-counts').waitFor({ timeout: 60_000 });
    await page.evaluate(() => {
      const bench = { marks: [] as number[], answers: [] as number[], pressed: 0, observer: null as MutationObserver | null };
      (window as unknown as { paintBench: typeof bench }).paintBench = bench;
      window.addEventListener(
        'keydown',
        (event) => {
          if (event.key === 'Enter' && document.activeElement?.getAttribute('data-testid') === 'entry-execute')
            bench.pressed = performance.now();
        },
        true,
      );
    });
    const seq = page.getByTestId('entry-seq');
    let measured = 0;
    let tasks = 0;
    for (const taskId of taskIds) {
      if (measured >= samples) break;
      tasks++;
      await page.evaluate((id) => (location.hash = `#/entry/${id}`), taskId);
      await page
        .locator(`[data-testid="entry-seq"]`)
        .filter({ hasText: /^\D*1\D/ })
        .waitFor({ timeout: 60_000 });
      // The position's number is watched afresh on each task's screen.
      await page.evaluate(() => {
        const bench = (
          window as unknown as { paintBench: { marks: number[]; answers: number[]; pressed: number; observer: MutationObserver | null } }
        ).paintBench;
        bench.observer?.disconnect();
        bench.pressed = 0;
        bench.observer = new MutationObserver(() => {
          if (!bench.pressed) return;
          const since = bench.pressed;
          bench.pressed = 0;
          // When the save's answer had arrived: the rest of the paint is the screen's own work.
          const answer = performance
            .getEntriesByType('resource')
            .filter((entry) => entry.name.endsWith('/api/rpc') && entry.startTime >= since)
            .at(-1);
          performance.clearResourceTimings();
          if (answer) bench.answers.push((answer as PerformanceResourceTiming).responseEnd - since);
          requestAnimationFrame(() => setTimeout(() => bench.marks.push(performance.now() - since), 0));
        });
        bench.observer.observe(document.querySelector('[data-testid="entry-seq"]')!, {
          childList: true,
          characterData: true,
          subtree: true,
        });
      });
      const total = Number(/(\d+)\D*$/.exec((await seq.textContent()) ?? '')?.[1] ?? 0);
      // The last save finishes the task instead of painting a next position, so it is left out.
      for (let i = 0; i < total - 1 && measured < samples; i++) {
        // What the operator reads off the screen before typing, in one look.
        const shown = await page.evaluate(() => {
          const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
          return {
            seq: text('entry-seq'),
            previous: text('entry-previous'),
            expected: text('entry-expected'),
            position: text('entry-position'),
          };
        });
        const digits = Number(/розрядів: (\d+)/.exec(shown.position)?.[1] ?? 9);
        // The band's lower edge as the form shows it («допустимо 147–1 315»), else 7 under the monthly maximum.
        const band = /допустимо ([\d\s]+)–/.exec(shown.expected);
        const step = band ? Math.max(1, Number(band[1]!.replace(/\s/g, ''))) : 7;
        const value = Number(/^(\d+)/.exec(shown.previous)?.[1] ?? 0) + step;
        // A value past the meter's digits would be a rollover question, not the plain case: that position is passed over.
        if (value >= 10 ** digits) await page.keyboard.press('PageDown');
        else {
          await page.keyboard.type(String(value));
          await page.keyboard.press('Enter');
          await page.keyboard.press('Enter');
          measured++;
        }
        await page.waitForFunction((text) => document.querySelector('[data-testid="entry-seq"]')?.textContent !== text, shown.seq);
      }
    }
    // The last paint's mark lands a frame after its number changed.
    await page.waitForTimeout(50);
    const { marks, answers } = await page.evaluate(
      () => (window as unknown as { paintBench: { marks: number[]; answers: number[] } }).paintBench,
    );
    if (marks.length < measured) throw new Error(`next paint: ${marks.length} paints marked of ${measured} saves`);
    // The floor under the figure on this machine: the same page asking the same host for a short
    // read (no write, no fsync) and painting a number from it, marked the same way.
    const floor = await page.evaluate(
      async (count) => {
        const token = sessionStorage.getItem('obhid.token') ?? '';
        const shown = document.body.appendChild(document.createElement('div'));
        const times: number[] = [];
        for (let i = 0; i < count; i++) {
          const since = performance.now();
          const answer = await fetch('/api/rpc', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
            body: JSON.stringify({ channel: 'reasons.list', input: {}, locale: 'uk' }),
          });
          shown.textContent = String(((await answer.json()) as { value: unknown[] }).value.length + i);
          await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
          times.push(performance.now() - since);
          // An operator's Enter comes at no fixed point of the frame.
          await new Promise((later) => setTimeout(later, 20 + (i % 7) * 3));
        }
        shown.remove();
        return times;
      },
      Math.min(marks.length, 200),
    );
    const raw: Figure = {
      name: 'entry.next_paint_raw_p95_ms',
      value: round(percentile(floor, 95), 1),
      unit: 'ms',
      note: `a short read (reasons.list) from the same page and host, its answer painted, p95 of ${floor.length} (p50 ${round(percentile(floor, 50), 1)}): the floor under entry.next_paint_p95_ms on this machine`,
    };
    const figure: Figure = {
      name: 'entry.next_paint_p95_ms',
      value: round(percentile(marks, 95), 1),
      unit: 'ms',
      note: `Enter on Виконати to the next position painted, p95 of ${marks.length} over ${tasks} tasks (p50 ${round(percentile(marks, 50), 1)}, p99 ${round(percentile(marks, 99), 1)}), Chromium, browser mode; the save's answer in the page after p50 ${round(percentile(answers, 50), 1)}, p95 ${round(percentile(answers, 95), 1)} of ${answers.length}; goal ≤ 16 (one frame)`,
    };
    return [figure, raw];
  } finally {
    await Promise.all([host.stop(), browser.close()]);
  }
}
