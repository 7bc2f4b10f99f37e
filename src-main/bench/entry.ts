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

/**
 * The operator's commit as the core sees it: save one position and hand out the next, through
 * the real handler registry, on the 200k district.
 */
export function commitFigures(core: Registry, taskId: number, checkedOn: string): Figure[] {
  const call = <T>(channel: string, input: unknown) => {
    const answer = core.dispatch(channel, input, 'uk') as Envelope<T>;
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  };
  let position: EntryPosition | null = call<EntryPosition>('entry.position', { taskId, seq: 1 });
  const times: number[] = [];
  while (position) {
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
  return [
    {
      name: 'entry.commit_p50_ms',
      value: round(percentile(times, 50), 2),
      unit: 'ms',
      note: `entry.save + next position through the registry, ${times.length} positions of a 500-point route, 200k district`,
    },
    {
      name: 'entry.commit_p99_ms',
      value: round(percentile(times, 99), 2),
      unit: 'ms',
      note: 'p99 of the same saves; compare with sqlite.raw_insert_p99_ms',
    },
  ];
}

/** From the Enter that saves to the next position painted, in Chromium over the browser-mode host. */
export async function nextPaintFigure(
  webMain: string,
  dbFile: string,
  taskId: number,
  user: { login: string; password: string },
  positions = 100,
): Promise<Figure> {
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
    await page.evaluate((id) => (location.hash = `#/entry/${id}`), taskId);
    const seq = page.getByTestId('entry-seq');
    await seq.waitFor({ timeout: 60_000 });
    await page.evaluate(() => {
      const marks: number[] = [];
      (window as unknown as { paintMarks: number[] }).paintMarks = marks;
      let pressed = 0;
      window.addEventListener(
        'keydown',
        (event) => {
          if (event.key === 'Enter' && document.activeElement?.getAttribute('data-testid') === 'entry-execute') pressed = performance.now();
        },
        true,
      );
      new MutationObserver(() => {
        if (!pressed) return;
        const since = pressed;
        pressed = 0;
        requestAnimationFrame(() => setTimeout(() => marks.push(performance.now() - since), 0));
      }).observe(document.querySelector('[data-testid="entry-seq"]')!, { childList: true, characterData: true, subtree: true });
    });
    const total = Number(/(\d+)\D*$/.exec((await seq.textContent()) ?? '')?.[1] ?? 0);
    // The last save finishes the task instead of painting a next position, so it is left out.
    for (let i = 0; i < Math.min(positions, total - 1); i++) {
      const before = await seq.textContent();
      const previous = await page.getByTestId('entry-previous').textContent();
      const digits = Number(/(\d+)\s*$/.exec((await page.getByText(/розрядів/).textContent()) ?? '')?.[1] ?? 9);
      // The band's lower edge as the form shows it («допустимо 147–1 315»), else 7 under the monthly maximum.
      const band = /допустимо ([\d\s]+)–/.exec((await page.getByTestId('entry-expected').textContent()) ?? '');
      const step = band ? Math.max(1, Number(band[1]!.replace(/\s/g, ''))) : 7;
      const value = Number(/^(\d+)/.exec(previous ?? '')?.[1] ?? 0) + step;
      if (value >= 10 ** digits) await page.keyboard.press('PageDown');
      else {
        await page.keyboard.type(String(value));
        await page.keyboard.press('Enter');
        await page.keyboard.press('Enter');
      }
      await page.waitForFunction((text) => document.querySelector('[data-testid="entry-seq"]')?.textContent !== text, before);
    }
    const marks = await page.evaluate(() => (window as unknown as { paintMarks: number[] }).paintMarks);
    return {
      name: 'entry.next_paint_p95_ms',
      value: round(percentile(marks, 95), 1),
      unit: 'ms',
      note: `Enter on Виконати to the next position painted, p95 of ${marks.length}, Chromium, browser mode, 200k district`,
    };
  } finally {
    await Promise.all([host.stop(), browser.close()]);
  }
}
