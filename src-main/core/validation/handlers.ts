import type { validationChannels } from '../../../shared/contract/validation';
import type { Db } from '../../db/open';
import type { Handlers } from '../registry';
import { consumptionHistory } from './consumption-history';

/** Judging a reading by the point's own history: what the screens show of it. */
export function validationHandlers(db: Db, { today }: { today: () => string }): Handlers<keyof typeof validationChannels> {
  const history = consumptionHistory(db);
  return {
    'validation.pointConsumption': ({ pointId, asOf }) => history.of(pointId, asOf ?? today()),
  };
}
