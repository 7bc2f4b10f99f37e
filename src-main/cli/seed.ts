import { resolve } from 'node:path';
import { createSeededDatabase, demoDefaults } from '../seed/create-database';
import { intArg, parseArgs } from './args';

const args = parseArgs(process.argv.slice(2));
const file = args.get('db');
if (!file) {
  console.error(
    'Usage: npm run seed -- --db FILE [--accounts N] [--seed S] [--as-of YYYY-MM-DD] [--commodity electricity|gas] [--walk-months N]',
  );
  process.exit(2);
}
const commodity = args.get('commodity') ?? demoDefaults.commodity;
if (commodity !== 'electricity' && commodity !== 'gas') {
  console.error('--commodity is electricity or gas');
  process.exit(2);
}
const started = performance.now();
try {
  const summary = createSeededDatabase(resolve(file), {
    accounts: intArg(args, 'accounts', demoDefaults.accounts),
    seed: intArg(args, 'seed', demoDefaults.seed),
    asOf: args.get('as-of'),
    commodity,
    walkMonths: intArg(args, 'walk-months', 0),
    onProgress: (done, total) => {
      if (process.stderr.isTTY) process.stderr.write(`\r${done} / ${total}`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  console.log(JSON.stringify({ file: resolve(file), seconds: Number(((performance.now() - started) / 1000).toFixed(1)), ...summary }));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
