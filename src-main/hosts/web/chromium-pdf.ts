import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DomainError } from '../../core/errors';

const candidates = [process.env.OBHID_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const findChromium = (): string | null => candidates.find((path): path is string => !!path && existsSync(path)) ?? null;

/**
 * Browser mode has no printToPDF of its own, so the host asks headless Chromium to print the
 * same HTML the preview shows, from a private temp folder with a throwaway profile.
 */
export async function chromiumPdf(html: string): Promise<Buffer> {
  const chromium = findChromium();
  if (!chromium) throw new DomainError('print.noPdfEngine');
  const dir = await mkdtemp(join(tmpdir(), 'obhid-pdf-'));
  try {
    const page = join(dir, 'sheet.html');
    const pdf = join(dir, 'sheet.pdf');
    await writeFile(page, html);
    await new Promise<void>((resolve, reject) =>
      execFile(
        chromium,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--no-first-run',
          '--disable-extensions',
          '--disable-background-networking',
          `--user-data-dir=${join(dir, 'profile')}`,
          '--no-pdf-header-footer',
          `--print-to-pdf=${pdf}`,
          pathToFileURL(page).href,
        ],
        { timeout: 120_000 },
        (error) => (error && !existsSync(pdf) ? reject(new Error(`Chromium could not print the sheet: ${error.message}`)) : resolve()),
      ),
    );
    return await readFile(pdf);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
