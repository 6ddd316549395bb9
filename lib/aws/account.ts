import 'server-only';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { currentRegion, stsClient } from './clients';

let account: Promise<string> | undefined;

/** The AWS account the server's credentials act in (asked once per process; no permission needed). */
export function currentAccount(): Promise<string> {
  account ??= stsClient()
    .send(new GetCallerIdentityCommand({}))
    .then((identity) => identity.Account ?? 'unknown')
    .catch((error: unknown) => {
      account = undefined; // ask again next time
      throw error;
    });
  return account;
}

/** Where requests are made: the account and Region, as the journal keys them. */
export async function currentPlace(): Promise<{ account: string; region: string }> {
  const [accountId, region] = await Promise.all([currentAccount(), currentRegion()]);
  return { account: accountId, region: region ?? 'unknown' };
}
