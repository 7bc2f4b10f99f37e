import { candidates, positions, taskInOrder } from './entry-tasks';
import { arrange, expect, test } from './fixtures';
import { ReadingEntry } from './pages/reading-entry';

// These workflows are about the keyboard loop and the monthly maximum, which judges a point without
// enough history of its own: here every point counts as such (the bands are checks-queue.spec's).
test.beforeEach(({ district }) => arrange(district, "UPDATE settings SET value = '50' WHERE key = 'validation.minHistoryReadings'"));

/**
 * An operator types a whole sheet without looking at the screen, at several speeds, and every 12th
 * value is far over the maximum. Whatever the speed: the question stops the loop, no rhythm key
 * (digit, Enter) accepts the value, nothing typed after it lands on any position, and the screen
 * says how many readings were lost and where to resume. The operator then looks, answers with the
 * dialog's own key and types on blind from there; in the end every position holds its own value.
 */
const sheet = 30;
const implausibleEvery = 12;

for (const pause of [0, 2, 5, 15, 60]) {
  test(`typed blind with ${pause} ms between keys, a question takes no reading that was not meant for it`, async ({ app, db }) => {
    test.slow();
    const points = candidates(db, sheet);
    expect(points).toHaveLength(sheet);
    const { taskId, prevs } = await taskInOrder(app, db, points);
    const implausible = (index: number) => (index + 1) % implausibleEvery === 0;
    // 10 a month allows at most a few hundred over two months or more; 3,000 is far over it.
    const values = prevs.map((prev, i) => prev + (implausible(i) ? 3000 : 1 + (i % 9)));
    const entry = new ReadingEntry(app);
    const { plausibility } = entry;
    await entry.open(taskId);
    await entry.setMax('electricity', 10);

    let from = 0;
    for (;;) {
      for (let i = from; i < sheet; i++) await entry.typeReading(values[i]!, pause);
      const stop = values.findIndex((_, i) => i >= from && implausible(i));
      if (stop < 0) break;
      // The operator looks up: the question is open on the implausible position, and says what was lost.
      await expect(plausibility.dialog).toBeVisible();
      await expect(entry.seq).toHaveText(`Позиція ${stop + 1} з ${sheet}`);
      const lost = sheet - stop - 1;
      if (lost > 0) {
        await expect(plausibility.halt).toContainText(`після позиції ${stop + 1} — ${lost}.`);
        await expect(plausibility.halt).toContainText(`продовжуйте з позиції ${stop + 2}`);
      }
      const now = positions(db, taskId);
      expect(
        now.slice(from, stop).map((p) => p.value),
        'the readings before the question are their own',
      ).toEqual(values.slice(from, stop));
      expect(
        now.slice(stop).every((p) => p.status === 'new'),
        'nothing from the question on was taken',
      ).toBe(true);
      await plausibility.accept();
      if (stop + 1 === sheet) break;
      await expect(entry.seq).toHaveText(`Позиція ${stop + 2} з ${sheet}`);
      await expect(entry.value).toBeFocused();
      from = stop + 1;
    }

    await expect(entry.summary).toContainText(`Виконано: ${sheet}`);
    const saved = positions(db, taskId);
    expect(saved.map((p) => p.value)).toEqual(values);
    expect(saved.map((p) => p.overMax)).toEqual(values.map((_, i) => (implausible(i) ? 1 : 0)));
    expect(saved.map((p) => p.below)).toEqual(values.map(() => 0));
  });
}
