import electronLog from 'electron-log/node';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hostLog, logFileFor } from './logging';

describe('the log file beside the database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'obhid-log-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps refusals and failures, written at once, and rotates to one old file past its size cap', () => {
    const dbFile = join(dir, 'obhid.sqlite');
    const logger = electronLog.create({ logId: 'test' });
    const log = hostLog(logger, dbFile);
    logger.errorHandler.stopCatching();
    logger.transports.console.level = false;

    log.refused('routes.save', 'route.numberTaken');
    log.error(new Error('disk full'));
    const file = logFileFor(dbFile);
    expect(file).toBe(join(dir, 'logs', 'obhid.log'));
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('refused routes.save: route.numberTaken');
    expect(text).toContain('disk full');

    logger.transports.file.maxSize = 4096;
    for (let i = 0; i < 200; i++) log.info(`line ${i} ${'x'.repeat(60)}`);
    expect(existsSync(join(dir, 'logs', 'obhid.old.log'))).toBe(true);
    expect(readFileSync(file).length).toBeLessThanOrEqual(4096 + 200);
  });
});
