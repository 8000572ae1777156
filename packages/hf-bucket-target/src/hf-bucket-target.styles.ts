import { css } from 'lit';
import { baseStyles, spinnerStyles } from '@s3-to-hf/ui';

const ownStyles = css`
  :host {
    --_background: var(--hf-bucket-target-background, var(--_surface));
    --_border-color: var(--hf-bucket-target-border-color, var(--_border));
    --_padding: var(--hf-bucket-target-padding, 1.25em);
    --_gap: var(--hf-bucket-target-gap, 1.1em);
    --_namespace-basis: var(--hf-bucket-target-namespace-width, 13em);
  }

  .base {
    display: grid;
    gap: var(--_gap);
    padding: var(--_padding);
    border: 1px solid var(--_border-color);
    border-radius: var(--_radius);
    background: var(--_background);
  }

  .destination {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 0.9em 0.75em;
  }

  .namespace-field {
    flex: 1 1 var(--_namespace-basis);
  }

  .bucket-field {
    flex: 999 1 15em;
  }

  .field p {
    margin: 0;
  }

  .field p:empty {
    display: none;
  }

  .optional {
    color: var(--_text-muted);
    font-weight: 400;
  }

  input[type='text'] {
    font-family: var(--_mono);
  }

  input::placeholder {
    color: var(--_text-muted);
    opacity: 0.75;
  }

  .select {
    position: relative;
  }

  select {
    appearance: none;
    padding-right: 2em;
    cursor: pointer;
  }

  select:disabled {
    cursor: default;
    opacity: 0.7;
  }

  option,
  optgroup {
    background: var(--_bg);
    color: var(--_text);
  }

  .chevron {
    position: absolute;
    top: 50%;
    right: 0.7em;
    width: 0.45em;
    height: 0.45em;
    border-right: 2px solid var(--_text-muted);
    border-bottom: 2px solid var(--_text-muted);
    transform: translateY(-70%) rotate(45deg);
    pointer-events: none;
  }

  .field-hint,
  .field-error {
    overflow-wrap: anywhere;
  }

  .field-error {
    display: flex;
    flex-wrap: wrap;
    gap: 0.2em 0.6em;
    align-items: baseline;
  }

  /* The status line; empty (tone none) it keeps its place as a live region but takes no room. */
  .status {
    --_tone: var(--_text-muted);
    display: flex;
    align-items: flex-start;
    gap: 0.65em;
    margin-top: 0.9em;
    padding: 0.7em 0.85em;
    border: 1px solid color-mix(in srgb, var(--_tone) 35%, var(--_border-color));
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_tone) 9%, var(--_background));
  }

  .status[data-tone='none'] {
    display: block;
    height: 0;
    margin: 0;
    padding: 0;
    border: 0;
    overflow: hidden;
  }

  .status[data-tone='success'] {
    --_tone: var(--_success);
  }

  .status[data-tone='info'] {
    --_tone: var(--_link);
  }

  .status[data-tone='warning'] {
    --_tone: var(--_warning);
  }

  .status[data-tone='error'] {
    --_tone: var(--_danger);
  }

  .status-icon {
    flex: none;
    display: flex;
    color: var(--_tone);
    margin-top: 0.05em;
  }

  .status-text {
    display: grid;
    gap: 0.15em;
    min-width: 0;
    flex: 1;
    overflow-wrap: anywhere;
  }

  .status-headline {
    font-weight: 600;
  }

  .status-detail {
    color: var(--_text-muted);
  }

  .status-technical {
    color: var(--_text-muted);
    font-family: var(--_mono);
    font-size: 0.82em;
  }

  .status-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em 1em;
    margin-top: 0.25em;
  }

  .status code,
  .field-hint code {
    padding: 0.05em 0.3em;
    border-radius: 4px;
    background: color-mix(in srgb, var(--_text) 9%, transparent);
    color: var(--_text);
  }

  a {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    color: var(--_link);
  }

  /* The checking icon turns with ui's spin animation. */
  .spin {
    transform-origin: 10px 10px;
    animation: spin 0.9s linear infinite;
  }

  @media (prefers-reduced-motion: reduce) {
    .spin {
      animation-duration: 3s;
    }
  }

  fieldset {
    display: grid;
    gap: 0.55em;
    min-width: 0;
    margin: 0;
    padding: 0.95em 0 0;
    border: 0;
    border-top: 1px solid var(--_border-color);
  }

  legend {
    float: left;
    width: 100%;
    padding: 0;
    margin-bottom: 0.1em;
    font-weight: 600;
  }

  .check {
    display: flex;
    align-items: flex-start;
    gap: 0.6em;
    font-weight: 400;
    cursor: pointer;
  }

  .check input {
    flex: none;
    margin-top: 0.2em;
  }

  .check-text {
    display: grid;
    gap: 0.05em;
  }

  .check-hint {
    color: var(--_text-muted);
    font-size: 0.9em;
  }
`;

/** Styles of `<hf-bucket-target>`: the shared tokens, controls and spin animation, then its own layout. */
export const hfBucketTargetStyles = [...baseStyles, spinnerStyles, ownStyles];
