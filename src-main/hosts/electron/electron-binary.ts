import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The installed Electron executable, or null when the install skipped its download. Requiring
 * 'electron' itself would try to download the binary, so its files are read instead.
 */
export function electronBinary(): string | null {
  try {
    const packageDir = electronPackageDir();
    const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
    const binary = join(distDir, executableInDist(packageDir));
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const electronPackageDir = () => dirname(createRequire(__filename).resolve('electron/package.json'));

/**
 * Electron 45 fetches its binary on first use rather than at install. Do that once, visibly, and
 * report whether it worked; offline, or told to skip downloads, it simply does not.
 */
export function downloadElectron(): boolean {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return false;
  console.log('Завантажую Electron… / Downloading Electron…');
  const result = spawnSync(process.execPath, [join(electronPackageDir(), 'install.js')], { stdio: 'inherit', timeout: 10 * 60_000 });
  return result.status === 0;
}

export const electronMissingMessage = [
  'Electron не встановлено на цій машині (його файл не завантажено), тому вікно програми не відкриється.',
  'Запустіть той самий застосунок у браузері: npm run web',
  'Electron is not installed here (its binary was not downloaded). Run the same app in a browser: npm run web',
].join('\n');

/** Electron's install script records the name in path.txt; without a download there is no such file. */
function executableInDist(packageDir: string): string {
  const recorded = join(packageDir, 'path.txt');
  if (existsSync(recorded)) return readFileSync(recorded, 'utf8').trim();
  if (process.platform === 'win32') return 'electron.exe';
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}
