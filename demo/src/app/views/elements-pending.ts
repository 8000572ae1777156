import { html, type TemplateResult } from 'lit';

/** Whether the elements' chunk (see loadElements) is there yet. */
export type ElementsState = 'loading' | 'ready' | 'failed';

/** Stands in for an element while its code is being fetched, or says that fetching failed. */
export function elementsPending(state: Exclude<ElementsState, 'ready'>, what: string, onRetry: () => void): TemplateResult {
  if (state === 'loading') {
    return html`<p class="pending" role="status"><span class="spinner" aria-hidden="true"></span>Loading ${what}…</p>`;
  }
  return html`<div class="notice error" role="alert">
    <p>The page could not load ${what}: the network may be down. Check the connection, then try again.</p>
    <div class="actions"><button type="button" @click=${onRetry}>Try again</button></div>
  </div>`;
}
