import { DEFAULT_HUB_URL } from '@s3-to-hf/core';
import { parseHubUrl } from './hub-url.js';

/** What a static Space puts in `window.huggingface.variables` (Space variables and secrets). */
export type SpaceVariables = Readonly<Record<string, string | undefined>>;

/** How this page signs in and which hub it talks to. */
export interface PageConfig {
  hubUrl: string;
  /** False when the page talks to another hub than huggingface.co (the page says so). */
  hubIsDefault: boolean;
  /** Why the configured hub address was refused; sign-in is disabled then. */
  hubUrlProblem?: string;
  /** Whether the page runs on a Hugging Face Space (`window.huggingface` exists). */
  onSpace: boolean;
  /** "Sign in with Hugging Face" settings, when the Space has `hf_oauth: true`. */
  oauth?: { clientId: string; scopes: string };
}

/** Scopes to ask for when a Space gives a client id but no scopes. */
export const DEFAULT_OAUTH_SCOPES = 'openid profile jobs contribute-repos write-repos';

/**
 * Reads the page's settings. On a Space, the hub comes from the Space variable `HF_HUB_URL` (the
 * Space owner's choice) or `OPENID_PROVIDER_URL`; elsewhere from `?hub=` in the address. A `?hub=`
 * on a Space is ignored: anyone can craft a link, and the token would go to that hub.
 *
 * @example
 * readPageConfig({ href: location.href, variables: window.huggingface?.variables })
 */
export function readPageConfig({ href, variables }: { href: string; variables?: SpaceVariables }): PageConfig {
  const onSpace = variables !== undefined;
  const configured = onSpace
    ? variables.HF_HUB_URL || variables.OPENID_PROVIDER_URL
    : (new URL(href).searchParams.get('hub') ?? undefined);
  const parsed = configured ? parseHubUrl(configured) : { hubUrl: DEFAULT_HUB_URL };
  const hubUrl = 'hubUrl' in parsed ? parsed.hubUrl : DEFAULT_HUB_URL;
  const clientId = variables?.OAUTH_CLIENT_ID;
  return {
    hubUrl,
    hubIsDefault: hubUrl === DEFAULT_HUB_URL,
    ...('problem' in parsed ? { hubUrlProblem: parsed.problem } : {}),
    onSpace,
    ...(clientId ? { oauth: { clientId, scopes: variables?.OAUTH_SCOPES || DEFAULT_OAUTH_SCOPES } } : {}),
  };
}
