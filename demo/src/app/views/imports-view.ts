import { html, nothing, type TemplateResult } from 'lit';
import type { HfImportJobCreatedEvent, HfImportJobFinishedEvent, HfImportJobStatusEvent } from '@s3-to-hf/hf-import-job';
import type { ImportEntry } from '../../imports/import-entry.js';
import type { PageSession } from '../../session/page-session.js';
import type { ElementsState } from './elements-pending.js';

/** Lines shown before "Show all". */
const SHORT_LIST = 3;

/** What the "Your imports" card shows and does. */
export interface ImportsViewInput {
  session: PageSession;
  hubUrl: string;
  entries: ImportEntry[];
  loading: boolean;
  problem?: string;
  showAll: boolean;
  elements: ElementsState;
  /** The import followed in this card, if any. */
  followedId?: string;
  /** The Job step 4 follows, so its import points there instead of being followed twice. */
  stepJobId?: string;
  onRefresh: () => void;
  onShowAll: () => void;
  onFollow: (entry: ImportEntry) => void;
  onShowStep: () => void;
  onCloseFollowed: () => void;
  onFollowedEvent: (event: HfImportJobCreatedEvent | HfImportJobStatusEvent | HfImportJobFinishedEvent) => void;
}

function entryAction(entry: ImportEntry, input: ImportsViewInput): TemplateResult {
  const label = entry.route ? `${entry.route.source} to ${entry.route.destination}` : `import ${entry.id}`;
  if (input.stepJobId && entry.record.jobs.some((job) => job.id === input.stepJobId)) {
    return html`<button type="button" class="small" @click=${input.onShowStep} aria-label="Shown below: ${label}, in step 4">Shown below</button>`;
  }
  if (entry.id === input.followedId) return html`<span class="import__following">Following</span>`;
  return html`<button
    type="button"
    class="small ${entry.active ? 'primary' : ''}"
    ?disabled=${input.elements !== 'ready'}
    aria-label="${entry.active ? 'Follow' : 'Details of'} ${label}"
    @click=${() => input.onFollow(entry)}
  >
    ${entry.active ? 'Follow' : 'Details'}
  </button>`;
}

function entryLine(entry: ImportEntry, input: ImportsViewInput): TemplateResult {
  return html`
    <li class="import ${entry.id === input.followedId ? 'import--followed' : ''}" data-import-id=${entry.id}>
      <span class="pill pill--${entry.tone}"><span class="pill__dot" aria-hidden="true"></span>${entry.stateLabel}</span>
      <div class="import__main">
        ${entry.route
          ? html`<p class="import__route">
              <code class="import__source">${entry.route.source}</code><span class="import__arrow" aria-hidden="true">→</span
              ><span class="visually-hidden"> to </span><code>${entry.route.destination}</code>
            </p>`
          : html`<p class="import__route">Import <code>${entry.id}</code></p>`}
        <p class="import__details">${entry.details}</p>
      </div>
      ${entryAction(entry, input)}
    </li>
  `;
}

function followedPanel(input: ImportsViewInput, entry: ImportEntry | undefined): TemplateResult | typeof nothing {
  if (!input.followedId) return nothing;
  return html`
    <div class="imports__follow">
      <div class="imports__follow-head">
        <h3 class="substep">${entry?.route ? html`Import to <code>${entry.route.destination}</code>` : 'Followed import'}</h3>
        <button type="button" class="small" @click=${input.onCloseFollowed}>Close</button>
      </div>
      <hf-import-job
        id="followed-import-job"
        .accessToken=${input.session.accessToken}
        .tokenExpiresAt=${input.session.expiresAt}
        .hubUrl=${input.hubUrl}
        @hf-import-job-created=${input.onFollowedEvent}
        @hf-import-job-status=${input.onFollowedEvent}
        @hf-import-job-finished=${input.onFollowedEvent}
      ></hf-import-job>
    </div>
  `;
}

/**
 * The imports this app started, newest first, with their live state, read from the Hub's Job
 * list: after a reload and sign-in, a running import can be followed again (status, logs, cancel).
 */
export function importsView(input: ImportsViewInput): TemplateResult | typeof nothing {
  const { entries } = input;
  if (entries.length === 0 && !input.problem && !input.followedId) return nothing;
  const shown = input.showAll ? entries : entries.slice(0, SHORT_LIST);
  const running = entries.filter((entry) => entry.active).length;
  return html`
    <section class="imports" aria-labelledby="imports-title" aria-busy=${input.loading ? 'true' : 'false'}>
      <div class="imports__head">
        <h2 class="imports__title" id="imports-title">Your imports</h2>
        <span class="imports__count">${running > 0 ? `${running} running · ` : ''}${entries.length} in total</span>
        <button type="button" class="small" ?disabled=${input.loading} @click=${input.onRefresh}>${input.loading ? 'Refreshing…' : 'Refresh'}</button>
      </div>
      ${input.problem ? html`<p class="notice error" role="alert">${input.problem}</p>` : nothing}
      ${shown.length > 0 ? html`<ul class="imports__list">${shown.map((entry) => entryLine(entry, input))}</ul>` : nothing}
      ${entries.length > shown.length
        ? html`<button type="button" class="link-button" @click=${input.onShowAll}>Show all ${entries.length} imports</button>`
        : nothing}
      ${followedPanel(input, entries.find((entry) => entry.id === input.followedId))}
    </section>
  `;
}
