/** The workstation's local calendar date (YYYY-MM-DD): a reading typed at 00:30 belongs to the day the operator sees. */
export const localToday = (): string => new Date().toLocaleDateString('sv-SE');
