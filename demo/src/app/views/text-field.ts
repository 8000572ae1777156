import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

/** One labelled input with its hint and error, wired for screen readers. */
export interface TextFieldOptions {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** 'password' for secrets: bound as a property only, never an attribute. */
  type?: 'text' | 'password' | 'url';
  hint?: string | TemplateResult;
  error?: string;
  optional?: boolean;
  placeholder?: string;
  disabled?: boolean;
  /** Extra classes on the wrapper, e.g. 'span-2'. */
  className?: string;
}

/**
 * A text field. Values are bound with `.value` (a property), so what the user types, keys
 * included, never appears in the DOM's attributes; autocomplete is off so the browser offers no
 * saving or suggesting of S3 keys and tokens.
 */
export function textField(options: TextFieldOptions): TemplateResult {
  const { id, error, hint } = options;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`
    <div class="field ${options.className ?? ''}">
      <label for=${id}>${options.label}${options.optional ? html` <span class="optional">(optional)</span>` : nothing}</label>
      <input
        id=${id}
        name=${id}
        type=${options.type ?? 'text'}
        .value=${live(options.value)}
        placeholder=${options.placeholder ?? nothing}
        autocomplete="off"
        autocapitalize="off"
        spellcheck="false"
        ?disabled=${options.disabled}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        @input=${(event: Event) => options.onInput((event.target as HTMLInputElement).value)}
      />
      ${hint ? html`<p id="${id}-hint" class="field-hint">${hint}</p>` : nothing}
      ${error ? html`<p id="${id}-error" class="field-error">${error}</p>` : nothing}
    </div>
  `;
}
