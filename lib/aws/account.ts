import 'server-only';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { currentRegion, stsClient } from './clients';
import { needs } from './errors';

let account: Promise<string> | undefined;

/** The AWS account the server's credentials act in (asked once per process; no permission needed). */
export function currentAccount(): Promise<string> {
  account ??= callerAccount().catch((error: unknown) => {
    account = undefined; // ask again next time
    throw error;
  });
  return account;
}

const callerAccount = needs('sts:GetCallerIdentity', async () => {
  const identity = await stsClient().send(new GetCallerIdentityCommand({}));
  return identity.Account ?? 'unknown';
});

/** Where requests are made: the account and Region, as the journal keys them. */
export async function currentPlace(): Promise<{ account: string; region: string }> {
  const [accountId, region] = await Promise.all([currentAccount(), currentRegion()]);
  return { account: accountId, region: region ?? 'unknown' };
}
