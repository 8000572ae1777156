import { css } from 'lit';

/** Layout of the importer page, on top of @s3-to-hf/ui's tokens, controls and spinner. */
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


  .pending {
    display: flex;
    align-items: center;
    gap: 10px;
    color: var(--_text-muted);
  }

  .spinner {
    width: 14px;
    height: 14px;
    border-color: var(--_border);
    border-top-color: var(--_accent);
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }
  }

  button.small {
    padding: 0.3em 0.75em;
    font-size: 0.9em;
  }

  .link-button {
    justify-self: start;
    padding: 0;
    border: none;
    background: none;
    color: var(--_link);
    cursor: pointer;
  }

  .badge {
    display: inline-block;
    padding: 0.05em 0.55em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    color: var(--_text-muted);
    font-size: 0.8em;
    font-weight: 600;
    line-height: 1.5;
    vertical-align: 0.08em;
  }

  .badge--pro {
    border-color: transparent;
    background: linear-gradient(100deg, #f472b6, #a78bfa 55%, #60a5fa);
    color: #111827;
  }

  .standing {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 10px;
    color: var(--_text-muted);
  }

  .imports {
    display: grid;
    gap: 12px;
    margin-top: 24px;
    padding: 16px 20px 18px;
    border: 1px solid var(--_border);
    border-radius: 12px;
    background: var(--_surface);
  }

  .imports__head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 12px;
  }

  .imports__title {
    font-size: 1.08rem;
    font-weight: 650;
  }

  .imports__count {
    flex: 1;
    color: var(--_text-muted);
    font-size: 0.88em;
  }

  .imports__list {
    display: grid;
    margin: 0;
    padding: 0;
    list-style: none;
    border: 1px solid var(--_border);
    border-radius: 10px;
    overflow: hidden;
  }

  .import {
    display: grid;
    grid-template-columns: 7.5em minmax(0, 1fr) auto;
    align-items: center;
    gap: 6px 14px;
    padding: 10px 14px;
    background: var(--_bg);
  }

  .import + .import {
    border-top: 1px solid var(--_border);
  }

  .import--followed {
    background: color-mix(in srgb, var(--_accent) 7%, var(--_bg));
  }

  .import__main {
    display: grid;
    gap: 2px;
    min-width: 0;
  }

  .import__route {
    overflow-wrap: anywhere;
    font-size: 0.92em;
  }

  .import__route code {
    font-family: var(--_mono);
    font-size: 0.95em;
  }

  .import__arrow {
    margin: 0 0.45em;
    color: var(--_text-muted);
  }

  .import__details {
    color: var(--_text-muted);
    font-size: 0.86em;
  }

  .import__following {
    color: var(--_accent);
    font-size: 0.88em;
    font-weight: 600;
  }

  .pill {
    display: inline-flex;
    align-items: center;
    justify-self: start;
    gap: 0.45em;
    padding: 0.15em 0.65em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.84em;
    font-weight: 600;
    white-space: nowrap;
  }

  .pill__dot {
    width: 0.55em;
    height: 0.55em;
    border-radius: 50%;
    background: var(--_text-muted);
  }

  /* The same blue as the running stage in <hf-import-job>. */
  .pill--active {
    border-color: color-mix(in srgb, var(--_focus) 50%, var(--_border));
    color: var(--_focus);
  }

  .pill--active .pill__dot {
    background: var(--_focus);
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--_focus) 25%, transparent);
  }

  .pill--success {
    border-color: color-mix(in srgb, var(--_success) 45%, var(--_border));
    color: var(--_success);
  }

  .pill--success .pill__dot {
    background: var(--_success);
  }

  .pill--danger {
    border-color: color-mix(in srgb, var(--_danger) 45%, var(--_border));
    color: var(--_danger);
  }

  .pill--danger .pill__dot {
    background: var(--_danger);
  }

  .imports__follow {
    display: grid;
    gap: 10px;
    padding-top: 6px;
  }

  .imports__follow-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 12px;
    min-width: 0;
  }

  .imports__follow-head .substep {
    min-width: 0;
    overflow-wrap: anywhere;
  }

  .imports__follow-head code {
    text-transform: none;
    letter-spacing: 0;
    font-family: var(--_mono);
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
      flex-wrap: wrap;
      padding: 14px 14px;
    }

    /* Under the title: beside it, a long status squeezes the title into several lines. */
    .step__status {
      flex-basis: 100%;
      margin-top: -6px;
      padding-left: 40px;
      text-align: left;
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

    .imports {
      padding: 14px;
    }

    /* State and action on one line, the route under them at full width. */
    .import {
      grid-template-columns: minmax(0, 1fr) auto;
      padding: 10px 12px;
    }

    .import .pill {
      grid-row: 1;
      grid-column: 1;
    }

    .import > button,
    .import__following {
      grid-row: 1;
      grid-column: 2;
    }

    .import__main {
      grid-row: 2;
      grid-column: 1 / -1;
    }

    .import__source {
      display: block;
    }

    .import__arrow {
      margin-left: 0;
    }
  }
`;
