import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { idleCheckpointer, walPagesBeforeForcedCheckpoint } from './idle-checkpoint';
import { openDatabase } from './open';

const dir = mkdtempSync(join(tmpdir(), 'obhid-checkpoint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());

describe('checkpoints', () => {
  it('run once the writes have paused for a second, not inside a save', () => {
    vi.useFakeTimers();
    const db = openDatabase(join(dir, 'idle.sqlite'));
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(walPagesBeforeForcedCheckpoint);
    const pragma = vi.spyOn(db, 'pragma');
    const checkpoints = idleCheckpointer(db, 1_000);
    for (let i = 0; i < 3; i++) {
      db.prepare("INSERT INTO settings (key, value) VALUES (?, 'x')").run(`test.${i}`);
      checkpoints.wrote();
      vi.advanceTimersByTime(600);
    }
    // Each write put the checkpoint off: 600 ms after the last one, nothing yet.
    expect(pragma).not.toHaveBeenCalled();
    vi.advanceTimersByTime(399);
    expect(pragma).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(pragma.mock.calls).toEqual([['wal_checkpoint(PASSIVE)']]);
    pragma.mockRestore();
    db.close();
    // Closed: a pending checkpoint does nothing.
    checkpoints.wrote();
    expect(() => vi.advanceTimersByTime(1_000)).not.toThrow();
  });
});
