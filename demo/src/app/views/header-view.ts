import { html, nothing, type TemplateResult } from 'lit';
import type { AccountStanding } from '../../session/account-standing.js';
import type { PageSession } from '../../session/page-session.js';

/** Product name on the left; the signed-in user and "Sign out" on the right. */
export function headerView({ session, account, avatarFailed, onAvatarError, onSignOut }: {
  session?: PageSession;
  account?: AccountStanding;
  /** The avatar image did not load: show the initial instead of a broken image. */
  avatarFailed: boolean;
  onAvatarError: () => void;
  onSignOut: () => void;
}): TemplateResult {
  const user = session?.user;
  return html`
    <header class="masthead">
      <div class="brand">
        <span class="brand__mark" aria-hidden="true">
          <svg viewBox="0 0 32 32" width="28" height="28" focusable="false">
            <path d="M6 9h20l-2.2 15.2a2 2 0 0 1-2 1.8H10.2a2 2 0 0 1-2-1.8L6 9Z" fill="currentColor" opacity=".9" />
            <ellipse cx="16" cy="9" rx="10" ry="3" fill="currentColor" />
            <path d="M16 13v8m0 0-3.2-3.2M16 21l3.2-3.2" stroke="#111827" stroke-width="2.2" fill="none" stroke-linecap="round" stroke-linejoin="round" />
          </svg>
        </span>
        <div>
          <h1 class="brand__name">S3 → Hugging Face Importer</h1>
          <p class="brand__tagline">Copy data from Amazon S3 or any S3-compatible store into a Storage Bucket</p>
        </div>
      </div>
      ${user
        ? html`
            <div class="account">
              ${user.avatarUrl && !avatarFailed
                ? html`<img class="account__avatar" src=${user.avatarUrl} alt="" width="32" height="32" referrerpolicy="no-referrer" @error=${onAvatarError} />`
                : html`<span class="account__avatar" aria-hidden="true">${(user.fullname ?? user.name).slice(0, 1).toUpperCase()}</span>`}
              <div class="account__who">
                <span class="account__name">${user.fullname ?? user.name}${account?.isPro ? html` <span class="badge badge--pro">PRO</span>` : nothing}</span>
                <span class="account__handle">@${user.name}</span>
              </div>
              <button type="button" class="account__sign-out" @click=${onSignOut}>Sign out</button>
            </div>
          `
        : nothing}
    </header>
  `;
}
