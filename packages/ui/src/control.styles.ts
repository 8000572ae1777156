import { css } from 'lit';

/**
 * Buttons, text fields, check boxes and radios, field messages, muted text and the
 * visually-hidden helper, shared by the elements so that they look like one product. Use with
 * tokenStyles.
 */
export const controlStyles = css`
  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 2.25em;
    padding: 0.35em 0.9em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    color: var(--_text);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
  }

  button:hover:not(:disabled) {
    border-color: var(--_text-muted);
  }

  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }

  button.danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }

  button.link {
    min-height: 0;
    padding: 0;
    border: none;
    background: none;
    color: var(--_link);
    font-weight: inherit;
    text-decoration: underline;
  }

  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  label {
    display: block;
    font-weight: 600;
  }

  .field {
    display: grid;
    gap: 0.3em;
    min-width: 0;
  }

  .field-hint {
    color: var(--_text-muted);
    font-size: 0.9em;
  }

  .field-error {
    color: var(--_danger);
    font-size: 0.9em;
  }

  .muted {
    color: var(--_text-muted);
  }

  input[type='text'],
  input[type='password'],
  input[type='search'],
  input[type='number'],
  input[type='url'],
  select,
  textarea {
    width: 100%;
    min-height: 2.25em;
    padding: 0.35em 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
  }

  textarea {
    font-family: var(--_mono);
    resize: vertical;
  }

  [aria-invalid='true'] {
    border-color: var(--_danger);
  }

  input[type='checkbox'],
  input[type='radio'] {
    width: 1.05em;
    height: 1.05em;
    margin: 0;
    accent-color: var(--_accent);
  }

  .notice {
    padding: 0.7em 0.9em;
    border: 1px solid var(--_border);
    border-left-width: 4px;
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .notice.error {
    border-left-color: var(--_danger);
  }

  .notice.warning {
    border-left-color: var(--_warning);
  }

  .notice.success {
    border-left-color: var(--_success);
  }

  code,
  pre {
    font-family: var(--_mono);
    font-size: 0.92em;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
