import type { NodeLogger } from 'electron-log';
import { dirname, join } from 'node:path';
import type { RegistryLog } from '../core/registry';

/** What a host writes to its log: lines, failures, refusals, and what a screen reports. */
export interface HostLog extends RegistryLog {
  info: (line: string) => void;
}

/** The log file lives beside the database, so whoever copies the data folder for support has it too. */
export const logFileFor = (dbFile: string) => join(dirname(dbFile), 'logs', 'obhid.log');

const maxLogBytes = 5 * 1024 ** 2;

/**
 * Points electron-log (the Electron main process's logger, or its plain-Node build in browser
 * mode) at the file beside the database: written synchronously, so the line before a crash is
 * kept; over 5 MB it is renamed to obhid.old.log and a new one starts, so at most two files stay.
 * Uncaught exceptions and unhandled rejections are caught and logged instead of lost.
 */
export function hostLog(logger: NodeLogger, dbFile: string): HostLog {
  const file = logger.transports.file;
  file.resolvePathFn = () => logFileFor(dbFile);
  file.maxSize = maxLogBytes;
  file.sync = true;
  file.level = 'info';
  // The terminal shows what needs a person; the file keeps every line, refusals included.
  logger.transports.console.level = 'error';
  logger.errorHandler.startCatching({ showDialog: false });
  return {
    info: (line) => logger.info(line),
    error: (error) => logger.error(error),
    refused: (channel, code) => logger.warn(`refused ${channel}: ${code}`),
  };
}
