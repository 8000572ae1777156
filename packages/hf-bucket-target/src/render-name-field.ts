import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

/** One of the text fields that hold a Hub name or path, as `renderNameField` draws it. */
export interface NameFieldView {
  /** `id` and `part` of the input; its message is `<name>-message`. */
  name: 'bucket' | 'prefix';
  value: string;
  placeholder: string;
  invalid: boolean;
  /** Ids of what describes the input: its message, and the status line when it concerns it. */
  describedBy: string;
  /** Shown instead of the hint while the value is wrong. */
  problem?: string;
  hint: TemplateResult | string;
  onInput(event: Event): void;
  onChange(event: Event): void;
}

/**
 * A text input taken as typed (no autocomplete, capitals or spell check: names are exact), then
 * its error or hint.
 */
export function renderNameField(view: NameFieldView): TemplateResult {
  const messageId = `${view.name}-message`;
  return html`
    <input
      id=${view.name}
      part=${view.name}
      type="text"
      .value=${live(view.value)}
      placeholder=${view.placeholder}
      autocomplete="off"
      autocapitalize="off"
      spellcheck="false"
      aria-invalid=${view.invalid ? 'true' : 'false'}
      aria-describedby=${view.describedBy}
      @input=${view.onInput}
      @change=${view.onChange}
    />
    ${view.problem
      ? html`<p id=${messageId} class="field-error">${view.problem}</p>`
      : html`<p id=${messageId} class="field-hint">${view.hint}</p>`}
  `;
}
