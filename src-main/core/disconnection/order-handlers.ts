import type { ordersChannels } from '../../../shared/contract/orders';
import type { registersChannels } from '../../../shared/contract/registers';
import type { Db } from '../../db/open';
import type { Handlers } from '../registry';
import { orderForming } from './order-forming';
import { orderRecording } from './order-recording';
import { orderRegister } from './order-register';
import { reconnections } from './reconnection';
import { registerPage } from './register-page';
import { disconnectionRegisters } from './registers';

/**
 * Робота з абонентом / Наряди на відключення and Підключення: forming, the acts of cut-off and
 * reconnection, and their registers. Each act is audited with the order or reconnection as it was
 * and as it became. The registers of the whole pipeline are read here too, and handed to the hosts
 * for their files and paper.
 */
export function orderHandlers(db: Db, { today }: { today: () => string }) {
  const forming = orderForming(db);
  const recording = orderRecording(db, today);
  const register = orderRegister(db, today);
  const reconnecting = reconnections(db, today);
  const registers = disconnectionRegisters(db, today);
  const act = {
    entity: 'order',
    before: ({ positionId }: { positionId: number }) => recording.before(positionId),
    id: (_input: unknown, order: { id: number }) => order.id,
    action: 'change' as const,
  };
  const handlers: Handlers<keyof typeof ordersChannels | keyof typeof registersChannels> = {
    'orders.form': {
      audit: { entity: 'order', id: (_input, formed) => formed.orderId, after: (input, formed) => ({ ...input, ...formed }) },
      run: (input, { user }) => forming.form(input, user),
    },
    'orders.list': (input) => register.list(input),
    'orders.get': ({ id }) => register.get(id),
    'orders.recordDone': { audit: act, run: (input, { user }) => recording.recordDone(input, user) },
    'orders.recordNotDone': { audit: act, run: (input, { user }) => recording.recordNotDone(input, user) },
    'reconnections.form': {
      audit: { entity: 'reconnection', action: 'create' },
      run: (input, { user }) => reconnecting.form(input, user),
    },
    'reconnections.record': {
      audit: { entity: 'reconnection', before: ({ id }) => reconnecting.get(id), action: 'change' },
      run: (input, { user }) => reconnecting.record(input, user),
    },
    'reconnections.list': (input) => reconnecting.list(input),
    'registers.table': (input, { locale }) => registers.table(input, locale),
    'registers.page': (input, { locale }) => registerPage(registers.table(input, locale), locale, today()),
  };
  return { handlers, registers };
}
