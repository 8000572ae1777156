import { html, nothing, type TemplateResult } from 'lit';

export type StepState = 'current' | 'done' | 'locked';

/** One numbered step of the importer: badge, title, a short status and its body. */
export function stepCard({ id, number, title, state, status, body }: {
  id: string;
  number: number;
  title: string;
  state: StepState;
  /** What the step's header says on the right, e.g. "Signed in" or "Sign in first". */
  status?: string;
  body: TemplateResult | typeof nothing;
}): TemplateResult {
  return html`
    <li class="step step--${state}" id=${id} aria-labelledby="${id}-title" aria-current=${state === 'current' ? 'step' : nothing}>
      <div class="step__header">
        <span class="step__badge" aria-hidden="true">${state === 'done' ? '✓' : number}</span>
        <h2 class="step__title" id="${id}-title"><span class="visually-hidden">Step ${number}: </span>${title}</h2>
        ${status ? html`<span class="step__status">${status}</span>` : nothing}
      </div>
      ${body === nothing ? nothing : html`<div class="step__body">${body}</div>`}
    </li>
  `;
}
