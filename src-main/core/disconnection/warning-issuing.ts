import type { IssueHow, WarningRow, WarningsChanged } from '../../../shared/contract/disconnection';
import type { Db } from '../../db/open';
import { addDays, deadline, settingsReader } from '../calendar/working-days';
import { DomainError } from '../errors';
import { warningRegister } from './warning-register';

export interface IssueInput {
  ids: readonly number[];
  how: IssueHow;
  issuedOn: string;
}

export interface CancelInput {
  ids: readonly number[];
  reason: 'restructured' | 'court' | 'moratorium' | 'operator';
  note: string;
}

/**
 * Handing warnings out and calling them off (docs/domain.md, "Disconnection warnings"). Each call
 * takes a batch and runs inside the registry's one transaction: every warning is checked before any
 * is changed, so a batch with one wrong warning changes none and the operator is told which.
 */
export function warningIssuing(db: Db, today: () => string) {
  const register = warningRegister(db);
  const settings = settingsReader(db);
  const issue = db.prepare<{ id: number; how: IssueHow; issuedOn: string; receivedOn: string; cutoffOn: string }>(
    `UPDATE disconnection_warnings
     SET status = 'issued', issued_how = @how, issued_on = @issuedOn, received_on = @receivedOn, earliest_cutoff_on = @cutoffOn
     WHERE id = @id AND status = 'formed'`,
  );
  const cancel = db.prepare<{ id: number; reason: string; note: string; closedOn: string }>(
    `UPDATE disconnection_warnings SET status = 'cancelled', cancel_reason = @reason, cancel_note = @note, closed_on = @closedOn
     WHERE id = @id AND status IN ('formed', 'issued')`,
  );

  /** All the warnings asked for, or a refusal naming the first one that is not there. */
  const load = (ids: readonly number[]): WarningRow[] => {
    const unique = [...new Set(ids)];
    const rows = register.byIds(unique);
    if (rows.length !== unique.length) throw new DomainError('notFound.warning');
    return rows;
  };

  /** A registered letter counts as received a set number of calendar days after posting; in hand, the same day. */
  const receivedOn = (how: IssueHow, issuedOn: string): string => {
    if (how === 'in_hand') return issuedOn;
    const days = Number(settings('warnings.mailReceivedDays'));
    if (!Number.isInteger(days) || days < 0) throw new Error('setting warnings.mailReceivedDays is not a number of days');
    return addDays(issuedOn, days, 'calendar');
  };

  return {
    issue({ ids, how, issuedOn }: IssueInput): WarningsChanged {
      // A notice not yet handed out cannot be dated: the received date and cut-off would be guesses.
      if (issuedOn > today()) throw new DomainError('warning.issueInFuture', { date: issuedOn }, 'issuedOn');
      const rows = load(ids);
      for (const row of rows) {
        if (row.status !== 'formed') {
          throw new DomainError('warning.notFormed', { account: row.accountNumber, status: row.status });
        }
        // The notice states the debt as of its forming date; it cannot have been handed out before that.
        if (issuedOn < row.asOf) {
          throw new DomainError('warning.issuedBeforeFormed', { account: row.accountNumber, date: issuedOn, asOf: row.asOf }, 'issuedOn');
        }
      }
      const received = receivedOn(how, issuedOn);
      for (const row of rows) {
        // Place does not matter for the notice period (only reconnections differ by town and village).
        const cutoffOn = deadline(settings, 'notice', row.commodity, 'town', received);
        issue.run({ id: row.id, how, issuedOn, receivedOn: received, cutoffOn });
      }
      return { changed: rows.length, warnings: register.byIds(rows.map((row) => row.id)) };
    },

    cancel({ ids, reason, note }: CancelInput): WarningsChanged {
      // Any other reason names itself; "the operator's reason" means nothing without the words.
      if (reason === 'operator' && note.trim() === '') throw new DomainError('warning.noteRequired', {}, 'note');
      const rows = load(ids);
      for (const row of rows) {
        if (row.status !== 'formed' && row.status !== 'issued') {
          throw new DomainError('warning.closed', { account: row.accountNumber, status: row.status });
        }
      }
      const closedOn = today();
      for (const row of rows) cancel.run({ id: row.id, reason, note: note.trim(), closedOn });
      return { changed: rows.length, warnings: register.byIds(rows.map((row) => row.id)) };
    },

    /** The warnings as they are, for the audit entry's "before". */
    before: (ids: readonly number[]) => register.byIds([...new Set(ids)]),
    list: register.list,
  };
}
