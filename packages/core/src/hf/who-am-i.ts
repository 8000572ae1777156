import { whoAmI as hubWhoAmI } from '@huggingface/hub';
import type { HfCallOptions } from './hf-call-options.js';
import { prepareHubCall } from './prepare-hub-call.js';

/** The signed-in account (user, org or app) with its orgs and token details (`auth`). */
export type HfWhoAmI = Awaited<ReturnType<typeof hubWhoAmI>>;

/**
 * Who the access token belongs to (`GET /api/whoami-v2`).
 *
 * @throws {HfApiError} 'unauthorized' for an expired or revoked token, 'network', …
 * @example
 * const me = await whoAmI({ accessToken });
 * console.log(me.name, me.type === 'user' ? me.orgs.map((org) => org.name) : []);
 */
export async function whoAmI(options: HfCallOptions): Promise<HfWhoAmI> {
  const call = prepareHubCall(options, { description: 'check which account is signed in' });
  return hubWhoAmI({ accessToken: call.accessToken, hubUrl: call.hubUrl, fetch: call.fetch });
}
