import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createSeededDatabase } from '../seed/create-database';

/**
 * Builds the demo district the app offers on first start (build/demo/demo-district.sqlite), once:
 * the seed generator runs here, at build time, and the app only copies from the file.
 */
const file = resolve(__dirname, '..', 'demo', 'demo-district.sqlite');
if (!existsSync(file)) {
  createSeededDatabase(file, { accounts: 1000, seed: 2026, commodity: 'electricity' });
  console.log(`demo district: ${file}`);
}
