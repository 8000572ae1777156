import { css } from 'lit';
import { baseStyles, spinnerStyles } from '@s3-to-hf/ui';

const elementStyles = css`
  :host {
    --_panel: var(--hf-import-job-background, var(--_surface));
    --_gap: var(--hf-import-job-gap, 1rem);
    --_log-bg: var(--hf-import-job-log-background, var(--_bg));
    --_log-height: var(--hf-import-job-log-height, 20rem);
    --_progress: var(--hf-import-job-progress-color, var(--_accent));
    container-type: inline-size;
  }

  .base {
    display: grid;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_panel);
    overflow: hidden;
  }

  .section {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_gap) * 0.75);
    padding: var(--_gap) calc(var(--_gap) * 1.25);
    min-width: 0;
  }

  .section + .section {
    border-top: 1px solid var(--_border);
  }

  h2,
  h3 {
    margin: 0;
    font-size: 0.8em;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--_text-muted);
  }

  p {
    margin: 0;
  }

  a {
    color: var(--_link);
  }

  .mono {
    font-family: var(--_mono);
    font-size: 0.9em;
  }

  .section-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
  }

  button.small {
    min-height: 1.9em;
    padding: 0.2em 0.7em;
    font-size: 0.9em;
  }

  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding: 0.05em 0.55em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface-raised);
    color: var(--_text-muted);
    font-size: 0.8em;
    font-weight: 600;
    white-space: nowrap;
    vertical-align: middle;
  }

  .badge.accent {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
  }

  /* Summary facts: a two-column definition list that stacks when narrow. */
  .facts {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0.55em 1.25em;
    margin: 0;
  }

  .fact {
    display: contents;
  }

  .facts dt {
    color: var(--_text-muted);
    font-weight: 600;
  }

  .facts dd {
    display: grid;
    gap: 0.3em;
    margin: 0;
    min-width: 0;
  }

  .uri {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em 0.6em;
    min-width: 0;
  }

  .uri code {
    overflow-wrap: anywhere;
  }

  .placeholder {
    color: var(--_text-muted);
    font-style: italic;
  }

  .command {
    display: grid;
    gap: 0.5em;
    min-width: 0;
  }

  .command pre {
    margin: 0;
    padding: 0.75em 0.9em;
    max-height: 12em;
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    white-space: pre-wrap;
    overflow-wrap: break-word;
    line-height: 1.5;
  }

  .secrets {
    display: flex;
    align-items: flex-start;
    gap: 0.5em;
    color: var(--_text-muted);
    font-size: 0.92em;
  }

  .secrets svg,
  .icon {
    flex: none;
    width: 1.1em;
    height: 1.1em;
    margin-top: 0.15em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .secrets code {
    color: var(--_text);
  }

  /* Hardware table, which turns into stacked cards when the element is narrow. */
  .table-wrap {
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }

  th,
  td {
    padding: 0.55em 0.8em;
    text-align: left;
    vertical-align: middle;
    border-bottom: 1px solid var(--_border);
  }

  thead th {
    background: var(--_surface-raised);
    color: var(--_text-muted);
    font-size: 0.85em;
    font-weight: 600;
    white-space: nowrap;
  }

  tbody tr:last-child > * {
    border-bottom: none;
  }

  tbody tr {
    cursor: pointer;
  }

  tbody tr:hover {
    background: var(--_selection);
  }

  tbody tr.chosen {
    background: var(--_selection);
    box-shadow: inset 3px 0 0 var(--_accent);
  }

  tbody th {
    font-weight: 600;
  }

  .flavor-name {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.2em 0.6em;
  }

  .flavor-name label {
    cursor: pointer;
  }

  .flavor-id {
    color: var(--_text-muted);
    font-family: var(--_mono);
    font-size: 0.82em;
    font-weight: 400;
  }

  td.num,
  th.num {
    text-align: right;
    white-space: nowrap;
  }

  .over {
    color: var(--_warning);
  }

  .radio-cell {
    width: 2.5em;
  }

  /* Options */
  .options {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: var(--_gap);
    align-items: start;
  }

  .inline {
    display: flex;
    gap: 0.5em;
  }

  .inline input {
    flex: 1 1 5em;
    min-width: 0;
  }

  .inline select {
    flex: 0 1 8em;
    width: auto;
  }

  .checks {
    display: grid;
    gap: 0.6em;
  }

  label.check {
    display: flex;
    align-items: center;
    gap: 0.55em;
    font-weight: 600;
    cursor: pointer;
  }

  .check-hint {
    margin: -0.35em 0 0 1.6em;
  }

  .warnings {
    display: grid;
    gap: 0.6em;
  }

  .notice {
    display: grid;
    gap: 0.4em;
  }

  .notice-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }

  /* Launch */
  .launch-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.6em 1em;
  }

  .launch-row button.primary {
    min-width: 10em;
  }

  .busy {
    display: flex;
    align-items: center;
    gap: 0.5em;
    color: var(--_text-muted);
  }

  /* Status */
  .status-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.75em 1em;
  }

  .status-main {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.9em;
  }

  .stage {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    padding: 0.2em 0.75em;
    border: 1px solid var(--_tone, var(--_border));
    border-radius: 999px;
    color: var(--_tone, var(--_text));
    font-weight: 700;
    letter-spacing: 0.04em;
    font-size: 0.85em;
  }

  .stage .dot {
    width: 0.55em;
    height: 0.55em;
    border-radius: 50%;
    background: currentColor;
  }

  .stage.active .dot {
    animation: pulse 1.4s ease-in-out infinite;
  }

  @keyframes pulse {
    50% {
      opacity: 0.3;
    }
  }

  .tone-active {
    --_tone: var(--_focus);
  }
  .tone-success {
    --_tone: var(--_success);
  }
  .tone-warning {
    --_tone: var(--_warning);
  }
  .tone-danger {
    --_tone: var(--_danger);
  }
  .tone-neutral {
    --_tone: var(--_text-muted);
  }

  .elapsed {
    font-variant-numeric: tabular-nums;
    color: var(--_text-muted);
  }

  .route {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.3em 0.6em;
    min-width: 0;
  }

  .route code {
    overflow-wrap: anywhere;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3em 1.2em;
    color: var(--_text-muted);
    font-size: 0.92em;
  }

  .meta code {
    color: var(--_text);
  }

  /* Progress */
  .progress-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.3em 1em;
    font-variant-numeric: tabular-nums;
  }

  .percent {
    font-weight: 700;
    font-size: 1.1em;
  }

  .bar {
    position: relative;
    height: 0.6em;
    border-radius: 999px;
    background: var(--_surface-raised);
    overflow: hidden;
  }

  .fill {
    height: 100%;
    border-radius: inherit;
    background: var(--_progress);
    transition: width 0.3s ease;
  }

  .bar.indeterminate .fill {
    width: 35%;
    animation: sweep 1.3s ease-in-out infinite;
  }

  @keyframes sweep {
    from {
      transform: translateX(-100%);
    }
    to {
      transform: translateX(290%);
    }
  }

  .bar.done-completed .fill {
    background: var(--_success);
  }
  .bar.done-partial .fill {
    background: var(--_warning);
  }
  .bar.done-failed .fill {
    background: var(--_danger);
  }

  /* Logs */
  .log-wrap {
    position: relative;
  }

  .log {
    min-height: 6rem;
    max-height: var(--_log-height);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_log-bg);
    font-family: var(--_mono);
    font-size: 0.85em;
    line-height: 1.55;
    overscroll-behavior: contain;
  }

  .log-lines {
    display: table;
    min-width: 100%;
    padding: 0.5em 0;
  }

  .line {
    display: table-row;
  }

  .line > span {
    display: table-cell;
    padding: 0 0.9em 0 0;
    white-space: pre;
  }

  .line .ln {
    position: sticky;
    left: 0;
    width: 1%;
    padding: 0 0.8em 0 0.9em;
    background: var(--_log-bg);
    color: var(--_text-muted);
    text-align: right;
    user-select: none;
  }

  .line.error .lt {
    color: var(--_danger);
  }

  .line.warn .lt {
    color: var(--_warning);
  }

  .log-empty {
    padding: 0.9em;
    color: var(--_text-muted);
    font-family: var(--_font);
  }

  .jump {
    position: absolute;
    right: 1em;
    bottom: 0.9em;
    box-shadow: 0 4px 14px rgba(0, 0, 0, 0.35);
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }

  .log-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }

  /* Result */
  .result {
    display: grid;
    gap: 0.6em;
    padding: 0.9em 1em;
    border: 1px solid var(--_border);
    border-left: 4px solid var(--_tone, var(--_border));
    border-radius: var(--_radius);
    background: var(--_bg);
  }

  .result-title {
    display: flex;
    align-items: center;
    gap: 0.5em;
    margin: 0;
    color: var(--_tone, var(--_text));
    font-size: 1.1em;
    font-weight: 700;
    letter-spacing: normal;
    text-transform: none;
  }

  .result-stats {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em 1.5em;
    margin: 0;
    font-variant-numeric: tabular-nums;
  }

  .result-stats div {
    display: flex;
    gap: 0.4em;
  }

  .result-stats dt {
    color: var(--_text-muted);
  }

  .result-stats dd {
    margin: 0;
    font-weight: 700;
  }

  .log-error {
    display: block;
    padding: 0.5em 0.7em;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_danger);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  /* Cancel confirmation */
  dialog {
    max-width: min(28rem, calc(100vw - 2rem));
    padding: 1.25em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }

  dialog::backdrop {
    background: rgba(0, 0, 0, 0.55);
  }

  dialog h2 {
    margin-bottom: 0.6em;
    font-size: 1.1em;
    letter-spacing: normal;
    text-transform: none;
    color: var(--_text);
  }

  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5em;
    margin-top: 1.1em;
  }

  /* Split into several Jobs: the choice, then the planned Jobs with a bar for their size. */
  .split-controls {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 0.75em 2em;
  }

  .split-controls .check {
    margin-top: 1.9em;
  }

  .split-controls .field {
    flex: 0 1 14rem;
  }

  .plan-list,
  .shard-list {
    display: grid;
    gap: 0.35em;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .plan-list {
    max-height: 16rem;
    overflow-y: auto;
  }

  .plan-list li {
    display: grid;
    grid-template-columns: 4.5em minmax(3em, 1fr) minmax(max-content, 16em);
    align-items: center;
    gap: 0.8em;
    font-variant-numeric: tabular-nums;
  }

  .plan-name {
    font-weight: 600;
  }

  .plan-bar {
    height: 0.45em;
    border-radius: 999px;
    background: var(--_surface-raised);
    overflow: hidden;
  }

  .plan-bar > span {
    display: block;
    height: 100%;
    border-radius: inherit;
    background: var(--_progress);
    opacity: 0.75;
  }

  .plan-size {
    color: var(--_text-muted);
    text-align: right;
  }

  /* A sharded import's Jobs: one line each. */
  .shard-list {
    max-height: 22rem;
    overflow-y: auto;
  }

  .shard-row {
    display: grid;
    gap: 0.35em;
    padding: 0.55em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .shard-row.log-shown {
    border-color: var(--_focus);
  }

  .shard-line,
  .shard-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.35em 0.75em;
  }

  .shard-line {
    justify-content: flex-start;
  }

  .shard-actions {
    font-size: 0.92em;
  }

  .shard-name {
    font-weight: 700;
    white-space: nowrap;
  }

  .shard-detail {
    flex: 1 1 14em;
    min-width: 0;
    font-variant-numeric: tabular-nums;
  }

  .shard-percent {
    color: var(--_text);
    font-weight: 700;
  }

  .shard-problem {
    font-family: var(--_mono);
    font-size: 0.88em;
    color: var(--_danger);
    overflow-wrap: anywhere;
  }

  .stage.small {
    padding: 0.05em 0.6em;
    font-size: 0.78em;
  }

  /* A heading with the picker of which Job it is about right after it. */
  .head-start {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em 0.75em;
  }

  .picker select {
    width: auto;
    min-height: 1.9em;
    padding-block: 0.1em;
    font-size: 0.92em;
  }

  /* Narrow: the definition list and the hardware table stack. */
  @container (max-width: 560px) {
    .section {
      padding: calc(var(--_gap) * 0.85);
    }

    .facts {
      grid-template-columns: minmax(0, 1fr);
      gap: 0.2em;
    }

    .facts dd + dt {
      margin-top: 0.6em;
    }

    .table-wrap {
      border: none;
      overflow: visible;
    }

    table,
    tbody {
      display: grid;
      gap: 0.6em;
    }

    thead {
      display: none;
    }

    tbody tr {
      display: grid;
      grid-template-columns: auto 1fr 1fr;
      gap: 0.35em 0.8em;
      padding: 0.7em 0.8em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    tbody tr > * {
      padding: 0;
      border: none;
    }

    tbody tr > th {
      grid-column: 2 / -1;
    }

    tbody td:not(.radio-cell) {
      grid-column: 2 / -1;
      display: flex;
      justify-content: space-between;
      gap: 1em;
      text-align: left;
    }

    tbody td:not(.radio-cell)::before {
      content: attr(data-label);
      flex: none;
      color: var(--_text-muted);
      font-weight: 400;
    }

    tbody td:not(.radio-cell) {
      text-align: right;
    }

    td.num {
      text-align: right;
    }

    .radio-cell {
      grid-row: 1;
      width: auto;
    }

    .launch-row button.primary {
      width: 100%;
    }

    .status-row > .actions {
      width: 100%;
    }

    .status-row > .actions button {
      width: 100%;
    }

    .split-controls .check {
      margin-top: 0;
    }

    .split-controls .field {
      flex: 1 1 100%;
    }

    .plan-list li {
      grid-template-columns: 3.8em minmax(2em, 1fr) minmax(max-content, 9.5em);
      gap: 0.5em;
      font-size: 0.92em;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner,
    .stage.active .dot,
    .bar.indeterminate .fill {
      animation: none;
    }

    .fill {
      transition: none;
    }
  }
`;

/** The element's styles: shared tokens, controls and spinner first, then its own. */
export const hfImportJobStyles = [...baseStyles, spinnerStyles, elementStyles];
