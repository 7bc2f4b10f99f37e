import type { Column } from '../../components/DataTable';
import type { Translate } from '../../i18n/i18n';
import { AccountLink } from './AccountLink';

interface PointIdentity {
  accountId: number;
  accountNumber: string;
  fullName: string;
  address: string;
}

/** Whose point it is and where: the first columns of every list of metering points. */
export const pointIdentityColumns = <T extends PointIdentity>(t: Translate): Column<T>[] => [
  {
    key: 'account',
    header: t('points.account'),
    render: (p) => <AccountLink accountId={p.accountId} number={p.accountNumber} />,
    width: 110,
  },
  { key: 'name', header: t('points.name'), render: (p) => p.fullName },
  { key: 'address', header: t('points.address'), render: (p) => p.address },
];
