import { Anchor } from '@mantine/core';
import { useAccountCard } from './AccountCardProvider';

/** An account number that opens the account card, wherever an account is shown. */
export function AccountLink({ accountId, number }: { accountId: number; number: string }) {
  const card = useAccountCard();
  return (
    <Anchor
      component="button"
      type="button"
      tabIndex={-1}
      onClick={(event) => {
        event.stopPropagation();
        card.open(accountId);
      }}
    >
      {number}
    </Anchor>
  );
}
