/** The district every browser test runs on: small enough to seed in a second, shaped like a real one. */
export const e2eDistrict = { accounts: 2000, seed: 7, asOf: '2026-11-01', commodity: 'electricity' as const };

/** The administrator global set-up creates, as the first run would. */
export const e2eAdmin = { login: 'admin', fullName: 'Гнатюк Ольга Петрівна', password: 'e2e-password', branchName: 'Коростишівський РЕМ' };
