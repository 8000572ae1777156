import { css } from 'lit';

/** Layout of the importer page, on top of @s3-to-hf/ui's tokens and controls. */
export const importerAppStyles = css`
  :host {
    max-width: 980px;
    margin: 0 auto;
    padding: 28px 24px 56px;
  }

  h1,
  h2,
  h3,
  p {
    margin: 0;
  }

  a {
    color: var(--_link);
  }

  .masthead {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 16px;
    padding-bottom: 20px;
    border-bottom: 1px solid var(--_border);
  }

  .brand {
    display: flex;
    align-items: center;
    gap: 14px;
    min-width: 0;
  }

  .brand__mark {
    flex: none;
    display: grid;
    place-items: center;
    width: 42px;
    height: 42px;
    border-radius: 11px;
    background: linear-gradient(140deg, var(--_accent), #ff9d0b);
    color: var(--_accent-text);
  }

  .brand__name {
    font-size: 1.35rem;
    font-weight: 700;
    letter-spacing: -0.01em;
  }

  .brand__tagline {
    margin-top: 2px;
    color: var(--_text-muted);
  }

  .account {
    display: flex;
    align-items: center;
    gap: 10px;
    min-width: 0;
  }

  .account__avatar {
    flex: none;
    display: grid;
    place-items: center;
    width: 32px;
    height: 32px;
    border-radius: 50%;
    background: var(--_surface-raised);
    color: var(--_text);
    font-weight: 700;
    object-fit: cover;
  }

  .account__who {
    display: grid;
    min-width: 0;
    line-height: 1.25;
  }

  .account__name {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .account__handle {
    color: var(--_text-muted);
    font-size: 0.9em;
  }

  .banner {
    margin-top: 20px;
  }

  .steps {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 16px;
    margin: 24px 0 0;
    padding: 0;
    list-style: none;
  }

  .step {
    border: 1px solid var(--_border);
    border-radius: 12px;
    background: var(--_surface);
  }

  .step--current {
    border-color: color-mix(in srgb, var(--_accent) 45%, var(--_border));
  }

  .step__header {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 16px 20px;
  }

  .step__badge {
    flex: none;
    display: grid;
    place-items: center;
    width: 28px;
    height: 28px;
    border: 1px solid var(--_border);
    border-radius: 50%;
    background: var(--_surface-raised);
    color: var(--_text-muted);
    font-weight: 700;
    font-size: 0.9em;
  }

  .step--current .step__badge {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
  }

  .step--done .step__badge {
    border-color: var(--_success);
    background: transparent;
    color: var(--_success);
  }

  .step__title {
    flex: 1;
    font-size: 1.08rem;
    font-weight: 650;
  }

  .step--locked .step__title {
    color: var(--_text-muted);
  }

  .step__status {
    color: var(--_text-muted);
    font-size: 0.88em;
    text-align: right;
  }

  .step__body {
    display: grid;
    gap: 14px;
    padding: 0 20px 20px 60px;
  }

  .locked-hint {
    color: var(--_text-muted);
  }

  .lead {
    color: var(--_text);
  }

  .summary {
    color: var(--_text);
  }

  .summary-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 12px;
  }

  .summary-row .summary {
    flex: 1 1 320px;
    overflow-wrap: anywhere;
  }

  .scopes {
    display: grid;
    gap: 4px;
    margin: 0;
    padding-left: 1.2em;
    color: var(--_text-muted);
  }

  .scopes code {
    color: var(--_text);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 10px 14px;
  }

  .hf-sign-in {
    min-height: 2.6em;
    padding-inline: 1.1em;
  }

  .alternative {
    border-top: 1px solid var(--_border);
    padding-top: 12px;
  }

  .alternative summary {
    width: fit-content;
    color: var(--_link);
    cursor: pointer;
  }

  .alternative[open] summary {
    margin-bottom: 12px;
  }

  form {
    display: grid;
    gap: 18px;
  }

  .token-form {
    max-width: 560px;
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: none;
    min-width: 0;
  }

  legend {
    margin-bottom: 10px;
    padding: 0;
    color: var(--_text-muted);
    font-size: 0.8em;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
  }

  .form-grid {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 14px 20px;
  }

  .span-2 {
    grid-column: 1 / -1;
  }

  .field {
    align-content: start;
  }

  .field-hint,
  .field-error {
    margin: 0;
  }

  .optional {
    color: var(--_text-muted);
    font-weight: 400;
  }

  label.checkbox {
    display: flex;
    align-items: center;
    gap: 0.55em;
    width: fit-content;
    margin-bottom: 12px;
    font-weight: 600;
    cursor: pointer;
  }

  .substep {
    font-size: 0.8em;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--_text-muted);
  }

  s3-tree,
  hf-bucket-target,
  hf-import-job {
    display: block;
    min-width: 0;
  }

  .footnote {
    margin-top: 28px;
    color: var(--_text-muted);
    font-size: 0.88em;
    text-align: center;
  }

  @media (max-width: 640px) {
    :host {
      padding: 16px 12px 40px;
    }

    .brand__name {
      font-size: 1.15rem;
    }

    .brand__tagline {
      font-size: 0.9em;
    }

    .account {
      width: 100%;
    }

    .account__who {
      flex: 1;
    }

    .step__header {
      padding: 14px 14px;
    }

    .step__body {
      padding: 0 14px 16px;
    }

    .form-grid {
      grid-template-columns: minmax(0, 1fr);
    }

    .actions > button {
      flex: 1 1 auto;
    }
  }
`;
