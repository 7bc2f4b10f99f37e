import type { ReconnectionRow } from '../../../shared/contract/orders';

/** The word a reconnection's state goes by: one still in work on a day past its deadline is «Прострочений». */
export const reconnectionState = (r: Pick<ReconnectionRow, 'status' | 'overdue'>) =>
  r.status === 'new' && r.overdue ? 'overdue' : r.status;
export const reconnectionColor = { new: 'orange', overdue: 'red', done: 'green' } as const;
