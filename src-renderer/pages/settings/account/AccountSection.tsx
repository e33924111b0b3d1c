import { AccountCard } from '../../../components/AccountCard.js';

/** The same account card as on Today: connect, import a cookie file, disconnect. */
export function AccountSection() {
  return <AccountCard />;
}
