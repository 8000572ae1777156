import { html, nothing, type TemplateResult } from 'lit';
import { formatDuration } from '@s3-to-hf/core';
import type { PageConfig } from '../../config/page-config.js';
import type { AccountStanding } from '../../session/account-standing.js';
import type { PageSession } from '../../session/page-session.js';
import { textField } from './text-field.js';

/** What the sign-in step shows and does. */
export interface SignInViewInput {
  config: PageConfig;
  session?: PageSession;
  /** Plan and billing of the signed-in account, when known. */
  account?: AccountStanding;
  busy: boolean;
  /** Back from the Hub: exchanging the code for a token. */
  completing: boolean;
  token: string;
  tokenError?: string;
  oauthError?: string;
  notice?: string;
  /** Whether the page is inside the Space's iframe (sign-in can then also open in its own tab). */
  framed: boolean;
  now: Date;
  onTokenInput: (value: string) => void;
  onTokenSubmit: () => void;
  onOAuthSignIn: () => void;
}

const SCOPE_PURPOSES: Record<string, string> = {
  jobs: 'run the import as a Hugging Face Job',
  'contribute-repos': 'create the destination bucket',
  'write-repos': 'write into your existing buckets',
  'manage-repos': 'create and manage your repositories',
  'read-repos': 'read your repositories',
  'read-billing': 'see whether you can pay for Jobs',
};

/** "until 15:04", or with the day when that is not today. */
function clockTime(date: Date, now: Date): string {
  const sameDay = date.toDateString() === now.toDateString();
  return date.toLocaleString([], sameDay ? { hour: '2-digit', minute: '2-digit' } : { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

function expiryText(session: PageSession, now: Date): string {
  if (!session.expiresAt) return '';
  const seconds = Math.max(0, (session.expiresAt.getTime() - now.getTime()) / 1000);
  return ` · access for ${formatDuration(seconds >= 60 ? Math.floor(seconds / 60) * 60 : seconds)}, until ${clockTime(session.expiresAt, now)}`;
}

function standingLine(account: AccountStanding | undefined, hubUrl: string): TemplateResult | typeof nothing {
  if (!account) return nothing;
  const plan =
    account.isPro === undefined
      ? undefined
      : account.isPro
        ? `PRO plan${account.periodEnd ? `, current period until ${account.periodEnd.toLocaleDateString([], { day: 'numeric', month: 'short', year: 'numeric' })}` : ''}`
        : 'Free plan';
  const billing = account.canPay === true ? 'Billing is set up: import Jobs are billed to this account per minute.' : undefined;
  return html`
    ${plan || billing
      ? html`<p class="standing">${plan ? html`<span class="badge ${account.isPro ? 'badge--pro' : ''}">${plan}</span>` : nothing}${billing ?? nothing}</p>`
      : nothing}
    ${account.canPay === false
      ? html`<p class="notice warning">
          This account has no payment method or credit on Hugging Face, and import Jobs are billed per minute. Add one in your
          <a href="${hubUrl}/settings/billing" target="_blank" rel="noopener noreferrer">billing settings</a> before starting an import.
        </p>`
      : nothing}
  `;
}

/** Done: who is signed in, how, for how long, and their plan when known. */
export function signedInSummary(session: PageSession, now: Date, { account, hubUrl }: { account?: AccountStanding; hubUrl: string }): TemplateResult {
  const how = session.method === 'oauth' ? 'with Hugging Face' : 'with an access token';
  return html`<p class="summary" role="status">
      Signed in as <strong>${session.user.fullname ?? session.user.name}</strong> (@${session.user.name}) ${how}${expiryText(session, now)}.
    </p>
    ${standingLine(account, hubUrl)}`;
}

function tokenForm(input: SignInViewInput, { alternative }: { alternative: boolean }): TemplateResult {
  const settings = `${input.config.hubUrl}/settings/tokens`;
  return html`
    <form class="token-form" novalidate autocomplete="off" @submit=${(event: Event) => {
      event.preventDefault();
      input.onTokenSubmit();
    }}>
      ${textField({
        id: 'hf-token',
        label: 'Hugging Face access token',
        type: 'password',
        value: input.token,
        placeholder: 'hf_…',
        error: input.tokenError,
        disabled: input.config.hubUrlProblem !== undefined,
        onInput: input.onTokenInput,
        hint: html`A <strong>write</strong> token, or a fine-grained one that may write repositories and start Jobs
          (<a href=${settings} target="_blank" rel="noopener noreferrer">create one</a>). It stays in this tab's memory.`,
      })}
      <div class="actions">
        <button type="submit" class=${alternative ? '' : 'primary'} ?disabled=${input.busy || input.config.hubUrlProblem !== undefined}>
          ${input.busy ? 'Checking the token…' : 'Sign in with this token'}
        </button>
      </div>
    </form>
  `;
}

/** Step 1: "Sign in with Hugging Face" on a Space, a pasted token elsewhere. */
export function signInView(input: SignInViewInput): TemplateResult {
  const { config } = input;
  if (input.session) return signedInSummary(input.session, input.now, { account: input.account, hubUrl: config.hubUrl });
  if (input.completing) return html`<p class="summary" role="status">Completing the sign-in with Hugging Face…</p>`;
  const notice = input.notice ? html`<p class="notice warning" role="status">${input.notice}</p>` : nothing;
  if (!config.oauth) {
    return html`
      ${notice}
      <p class="lead">Paste an access token: the importer uses it to create the destination bucket and to run the import Job.</p>
      ${tokenForm(input, { alternative: false })}
    `;
  }
  const scopes = config.oauth.scopes.split(/\s+/).filter((scope) => SCOPE_PURPOSES[scope]);
  return html`
    ${notice}
    <p class="lead">Sign in so the importer can act for you on Hugging Face. It asks for:</p>
    <ul class="scopes">
      ${scopes.map((scope) => html`<li><code>${scope}</code>, to ${SCOPE_PURPOSES[scope]}</li>`)}
    </ul>
    <div class="actions">
      <button
        type="button"
        class="primary hf-sign-in"
        ?disabled=${input.busy || config.hubUrlProblem !== undefined}
        aria-describedby=${input.oauthError ? 'oauth-error' : nothing}
        @click=${input.onOAuthSignIn}
      >
        ${input.busy ? 'Opening Hugging Face…' : 'Sign in with Hugging Face'}
      </button>
      ${input.framed
        ? html`<a class="field-hint" href=${location.href} target="_blank" rel="noopener">Sign-in page does not open? Open the importer in its own tab</a>`
        : nothing}
    </div>
    ${input.oauthError ? html`<p id="oauth-error" class="field-error" role="alert">${input.oauthError}</p>` : nothing}
    <details class="alternative" ?open=${input.tokenError !== undefined}>
      <summary>Use an access token instead</summary>
      ${tokenForm(input, { alternative: true })}
    </details>
  `;
}
