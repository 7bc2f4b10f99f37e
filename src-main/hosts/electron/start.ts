import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { assertSupportedNode } from '../../db/node-version';
import { downloadElectron, electronBinary, electronMissingMessage } from './electron-binary';

/**
 * `npm start`: runs the Electron shell when its binary is installed. Where it is not (an offline
 * install skips the download), says so and points to browser mode instead of a stack trace.
 */
function main() {
  assertSupportedNode();
  const binary = electronBinary() ?? (downloadElectron() ? electronBinary() : null);
  if (binary === null) {
    console.error(electronMissingMessage);
    process.exit(1);
  }
  // The project folder, so package.json names the app and its user-data folder.
  const child = spawn(binary, [resolve(__dirname, '..', '..'), ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

main();
