// Child process of the crash-safety test: forms a task and saves readings through the real
// registry, printing each one only after the save has returned. The test kills it at random and
// starts it again, so each run forms one more task for the same route and date, on purpose.
import { writeSync } from 'node:fs';
import { createCore } from '../../src-main/core/app';
import { openDatabase } from '../../src-main/db/open';
import { readingCheckCodes } from '../../shared/contract/validation';

const [file, routeId, checkedOn] = process.argv.slice(2) as [string, string, string];
const db = openDatabase(file);
const core = createCore(db, {
  version: 'crash',
  signedIn: { login: 'crash-test', fullName: 'Crash test', role: 'master' },
  today: () => checkedOn,
});
const call = <T>(channel: string, input: unknown): T => {
  const answer = core.dispatch(channel, input, 'uk');
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
  return answer.value as T;
};

interface Position {
  positionId: number;
  previous: { value: number } | null;
}
const { taskId } = call<{ taskId: number }>('tasks.form', {
  routeId: Number(routeId),
  taskDate: checkedOn,
  criteria: {},
  allowDuplicate: true,
});
let position: Position | null = call<Position>('entry.position', { taskId, seq: 1 });
while (position) {
  const value = (position.previous?.value ?? 0) + 1;
  const saved: { next: Position | null } = call('entry.save', {
    positionId: position.positionId,
    checkedOn,
    maxConsumption: { electricity: 1000, gas: 1000 },
    // One unit more than the last reading is "too low" for most points: the durability under test is the same.
    outcome: { kind: 'reading', value: String(value), accepted: [...readingCheckCodes] },
  });
  // Synchronous write: the line exists only once the save has returned, and reaches the pipe at once.
  writeSync(1, `${position.positionId} ${value}\n`);
  position = saved.next;
}
