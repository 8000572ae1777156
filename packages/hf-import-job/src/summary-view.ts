import { formatDuration } from '@s3-to-hf/core';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { formatUsd } from './format-usd.js';
import type { HardwareChoice } from './hardware-choices.js';
import type { FieldErrors } from './launch-inputs.js';
import { renderSplit, type SplitViewHandlers, type SplitViewModel } from './split-view.js';
import type { TimeoutUnit } from './timeout-input.js';
import type { ImportJobField } from './types.js';

/** A warning shown above the launch button, optionally with a fix. */
export interface SummaryWarning {
  id: string;
  message: string;
  action?: { label: string; run: () => void };
}

/** What the summary (before launch) shows. */
export interface SummaryViewModel {
  sourceUri?: string;
  destinationUri?: string;
  destinationBadges: string[];
  /** e.g. '14 files · 32.5 KB', or why the size is unknown. */
  selectionText: string;
  selectionKnown: boolean;
  command?: string;
  /** A split import: which Job's command is shown, of how many. */
  commandShard?: { index: number; count: number };
  secretNames: string[];
  /** The offer to split into several Jobs; absent for a selection one Job handles. */
  split?: SplitViewModel;
  /** Jobs the launch starts (1 unless split). */
  jobCount: number;
  hardwareState: 'signed-out' | 'loading' | 'error' | 'ready';
  hardwareProblem?: string;
  choices: HardwareChoice[];
  chosenFlavor: string;
  recommendedFlavor?: string;
  /** Why there is no estimate, when there is none. */
  estimateNote?: string;
  timeoutValue: string;
  timeoutUnit: TimeoutUnit;
  timeoutSeconds?: number;
  workers: string;
  dryRun: boolean;
  skipExisting: boolean;
  warnings: SummaryWarning[];
  errors: FieldErrors;
  launchPhase: 'idle' | 'creating-bucket' | 'creating-job';
  launchPhaseText?: string;
  /** e.g. 'CPU Basic · stops after 30 min · about 2 min · < $0.01' */
  launchNote: string;
  commandCopyStatus?: string;
}

export interface SummaryViewHandlers extends SplitViewHandlers {
  chooseCommandShard(index: number): void;
  chooseFlavor(name: string): void;
  setTimeoutValue(value: string): void;
  setTimeoutUnit(unit: TimeoutUnit): void;
  setWorkers(value: string): void;
  setDryRun(on: boolean): void;
  setSkipExisting(on: boolean): void;
  retryHardware(): void;
  copyCommand(): void;
  launch(): void;
}

const lockIcon = svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><rect x="4" y="11" width="16" height="10" rx="2"></rect><path d="M8 11V7a4 4 0 0 1 8 0v4"></path></svg>`;

const errorId = (field: ImportJobField) => `error-${field}`;

function fieldError(errors: FieldErrors, field: ImportJobField): TemplateResult | typeof nothing {
  const message = errors[field];
  return message ? html`<p class="field-error" id=${errorId(field)}>${message}</p>` : nothing;
}

function describedBy(errors: FieldErrors, field: ImportJobField, hint?: string): string | undefined {
  const ids = [hint, errors[field] ? errorId(field) : undefined].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function uriOrPlaceholder(uri: string | undefined, placeholder: string): TemplateResult {
  return uri ? html`<code>${uri}</code>` : html`<span class="placeholder">${placeholder}</span>`;
}

function renderFacts(model: SummaryViewModel): TemplateResult {
  return html`
    <dl class="facts">
      <div class="fact">
        <dt>Source</dt>
        <dd>
          <span class="uri">${uriOrPlaceholder(model.sourceUri, 'Connect to an S3 bucket and select files')}</span>
          ${fieldError(model.errors, 'source')}
        </dd>
      </div>
      <div class="fact">
        <dt>Destination</dt>
        <dd>
          <span class="uri">
            ${uriOrPlaceholder(model.destinationUri, 'Choose the destination bucket')}
            ${model.destinationBadges.map((badge) => html`<span class="badge">${badge}</span>`)}
          </span>
          ${fieldError(model.errors, 'target')}
        </dd>
      </div>
      <div class="fact">
        <dt>Selection</dt>
        <dd>
          <span class=${model.selectionKnown ? '' : 'placeholder'}>${model.selectionText}</span>
          ${fieldError(model.errors, 'selection')}
        </dd>
      </div>
    </dl>
  `;
}

function renderCommandShardPicker({ index, count }: { index: number; count: number }, handlers: SummaryViewHandlers): TemplateResult {
  return html`<span class="picker">
    <label class="visually-hidden" for="command-shard">Show the command of</label>
    <select id="command-shard" .value=${String(index)} @change=${(event: Event) => handlers.chooseCommandShard(Number((event.target as HTMLSelectElement).value))}>
      ${Array.from({ length: count }, (_, offset) => html`<option value=${offset + 1} ?selected=${offset + 1 === index}>Job ${offset + 1} of ${count}</option>`)}
    </select>
  </span>`;
}

function renderCommand(model: SummaryViewModel, handlers: SummaryViewHandlers): TemplateResult {
  return html`
    <div class="command" part="command">
      <div class="section-head">
        <span class="head-start">
          <h3 id="command-label">${model.commandShard ? 'Command each Job runs' : 'Command the Job runs'}</h3>
          ${model.commandShard ? renderCommandShardPicker(model.commandShard, handlers) : nothing}
        </span>
        ${model.command
          ? html`<span class="log-actions">
              <span class="muted" aria-live="polite">${model.commandCopyStatus ?? ''}</span>
              <button class="small" type="button" @click=${handlers.copyCommand}>Copy</button>
            </span>`
          : nothing}
      </div>
      ${model.command
        ? html`<pre aria-labelledby="command-label"><code>${model.command}</code></pre>`
        : html`<p class="placeholder">The command appears once the source, the selection and the destination are complete.</p>`}
      <p class="secrets">${lockIcon}<span>${model.secretNames.map((name, index) => html`${index > 0 ? ', ' : ''}<code>${name}</code>`)} sent as encrypted Job secrets, never in the command, the environment or this page.</span></p>
    </div>
  `;
}

function estimateCells(choice: HardwareChoice, timeoutSeconds: number | undefined): TemplateResult {
  const estimate = choice.estimate;
  const over = estimate && timeoutSeconds !== undefined && estimate.seconds > timeoutSeconds;
  return html`
    <td class="num" data-label="Price">${choice.pricePerHourUSD === undefined ? '—' : `${formatUsd(choice.pricePerHourUSD)}/h`}</td>
    <td class="num ${over ? 'over' : ''}" data-label="Est. duration">
      ${estimate ? formatDuration(estimate.seconds) : '—'}${over ? html` <span class="visually-hidden">(longer than the timeout)</span><span aria-hidden="true">⚠</span>` : nothing}
    </td>
    <td class="num" data-label="Est. cost">${estimate?.costUSD === undefined ? '—' : formatUsd(estimate.costUSD)}</td>
  `;
}

function renderHardwareTable(model: SummaryViewModel, handlers: SummaryViewHandlers): TemplateResult {
  return html`
    <div class="table-wrap">
      <table part="estimate" aria-describedby=${ifDefined(describedBy(model.errors, 'hardware', model.estimateNote ? 'estimate-note' : undefined))}>
        <caption class="visually-hidden">Hardware for the Job, its price, and the estimated duration and cost of this import</caption>
        <thead>
          <tr>
            <th scope="col" class="radio-cell"><span class="visually-hidden">Choice</span></th>
            <th scope="col">Hardware</th>
            <th scope="col">CPU and memory</th>
            <th scope="col" class="num">Price</th>
            <th scope="col" class="num">Est. duration</th>
            <th scope="col" class="num">Est. cost</th>
          </tr>
        </thead>
        <tbody>
          ${model.choices.map(
            (choice) => html`
              <tr class=${choice.name === model.chosenFlavor ? 'chosen' : ''} @click=${() => handlers.chooseFlavor(choice.name)}>
                <td class="radio-cell">
                  <input
                    type="radio"
                    name="flavor"
                    id=${`flavor-${choice.name}`}
                    .value=${choice.name}
                    .checked=${choice.name === model.chosenFlavor}
                    @change=${() => handlers.chooseFlavor(choice.name)}
                  />
                </td>
                <th scope="row">
                  <span class="flavor-name">
                    <label for=${`flavor-${choice.name}`}>${choice.label}</label>
                    ${choice.name === model.recommendedFlavor ? html`<span class="badge accent">Recommended</span>` : nothing}
                  </span>
                  <span class="flavor-id">${choice.name}</span>
                </th>
                <td data-label="Machine">${choice.specs || '—'}</td>
                ${estimateCells(choice, model.timeoutSeconds)}
              </tr>
            `,
          )}
        </tbody>
      </table>
    </div>
  `;
}

function renderHardware(model: SummaryViewModel, handlers: SummaryViewHandlers): TemplateResult {
  let body: TemplateResult;
  if (model.hardwareState === 'signed-out') {
    body = html`<p class="muted">Sign in with Hugging Face to see the hardware and its prices. The Job runs on <code>${model.chosenFlavor}</code> meanwhile.</p>`;
  } else if (model.hardwareState === 'loading') {
    body = html`<p class="busy" role="status"><span class="spinner" aria-hidden="true"></span>Loading the hardware list…</p>`;
  } else if (model.hardwareState === 'error') {
    body = html`<div class="notice error">
      <p>${model.hardwareProblem}</p>
      <div class="notice-actions"><button class="small" type="button" @click=${handlers.retryHardware}>Try again</button></div>
    </div>`;
  } else {
    body = renderHardwareTable(model, handlers);
  }
  return html`
    <div class="section" part="hardware">
      <div class="section-head">
        <h2>Hardware and estimate</h2>
      </div>
      ${body}
      ${model.estimateNote ? html`<p class="field-hint" id="estimate-note">${model.estimateNote}</p>` : nothing}
      ${fieldError(model.errors, 'hardware')}
    </div>
  `;
}

/** The number input of the timeout or workers field, as typed (a string), described by its hint and error. */
function numberInput(
  model: SummaryViewModel,
  field: 'timeout' | 'workers',
  value: string,
  limits: { max?: number; step: string; inputmode: string; placeholder?: string },
  onInput: (value: string) => void,
): TemplateResult {
  return html`<input
    id=${field}
    type="number"
    min="1"
    max=${ifDefined(limits.max)}
    step=${limits.step}
    inputmode=${limits.inputmode}
    placeholder=${ifDefined(limits.placeholder)}
    .value=${value}
    aria-invalid=${model.errors[field] ? 'true' : 'false'}
    aria-describedby=${ifDefined(describedBy(model.errors, field, `${field}-hint`))}
    @input=${(event: Event) => onInput((event.target as HTMLInputElement).value)}
  />`;
}

/** A check box option with its hint below. */
function checkOption(label: string, hint: { id: string; text: string }, checked: boolean, set: (on: boolean) => void): TemplateResult {
  return html`
    <label class="check">
      <input type="checkbox" .checked=${checked} aria-describedby=${hint.id} @change=${(event: Event) => set((event.target as HTMLInputElement).checked)} />
      ${label}
    </label>
    <p class="field-hint check-hint" id=${hint.id}>${hint.text}</p>
  `;
}

function renderOptions(model: SummaryViewModel, handlers: SummaryViewHandlers): TemplateResult {
  return html`
    <div class="section" part="options">
      <h2>Options</h2>
      <div class="options">
        <div class="field">
          <label for="timeout">Timeout</label>
          <div class="inline">
            ${numberInput(model, 'timeout', model.timeoutValue, { step: 'any', inputmode: 'decimal' }, handlers.setTimeoutValue)}
            <select
              aria-label="Timeout unit"
              .value=${model.timeoutUnit}
              @change=${(event: Event) => handlers.setTimeoutUnit((event.target as HTMLSelectElement).value as TimeoutUnit)}
            >
              <option value="minutes" ?selected=${model.timeoutUnit === 'minutes'}>minutes</option>
              <option value="hours" ?selected=${model.timeoutUnit === 'hours'}>hours</option>
            </select>
          </div>
          <p class="field-hint" id="timeout-hint">The Hub stops the Job after this long.</p>
          ${fieldError(model.errors, 'timeout')}
        </div>
        <div class="field">
          <label for="workers">Workers</label>
          ${numberInput(model, 'workers', model.workers, { max: 64, step: '1', inputmode: 'numeric', placeholder: '4' }, handlers.setWorkers)}
          <p class="field-hint" id="workers-hint">Parallel S3 downloads, 1–64 (empty: the default, 4).</p>
          ${fieldError(model.errors, 'workers')}
        </div>
        <div class="checks">
          ${checkOption(
            'Skip existing files',
            { id: 'skip-hint', text: 'Files whose path is already in the bucket are not copied again.' },
            model.skipExisting,
            handlers.setSkipExisting,
          )}
          ${checkOption('Dry run', { id: 'dry-run-hint', text: 'Only list what would be copied; transfer nothing.' }, model.dryRun, handlers.setDryRun)}
        </div>
      </div>
      ${model.warnings.length > 0
        ? html`<div class="warnings" part="warnings">
            ${model.warnings.map(
              (warning) => html`<div class="notice warning" id=${`warning-${warning.id}`}>
                <p>${warning.message}</p>
                ${warning.action
                  ? html`<div class="notice-actions"><button class="small" type="button" @click=${warning.action.run}>${warning.action.label}</button></div>`
                  : nothing}
              </div>`,
            )}
          </div>`
        : nothing}
    </div>
  `;
}

function renderLaunch(model: SummaryViewModel, handlers: SummaryViewHandlers): TemplateResult {
  const busy = model.launchPhase !== 'idle';
  const problems = (['token', 'launch'] as const).filter((field) => model.errors[field]);
  return html`
    <div class="section" part="launch">
      <div class="launch-row">
        <button
          class="primary"
          type="button"
          ?disabled=${busy}
          aria-describedby=${['launch-note', ...problems.map(errorId)].join(' ')}
          @click=${handlers.launch}
        >
          ${model.dryRun ? 'Start dry run' : 'Start import'}${model.jobCount > 1 ? ` (${model.jobCount} Jobs)` : ''}
        </button>
        <span class="muted" id="launch-note">${model.launchNote}</span>
      </div>
      ${busy ? html`<p class="busy"><span class="spinner" aria-hidden="true"></span>${model.launchPhaseText}</p>` : nothing}
      ${problems.map((field) => html`<div class="notice error" role="alert" id=${errorId(field)}><p>${model.errors[field]}</p></div>`)}
    </div>
  `;
}

/** The summary before launch: what will be copied where, how, on what hardware, at what cost. */
export function renderSummary(model: SummaryViewModel, handlers: SummaryViewHandlers): TemplateResult {
  return html`
    <div class="section" part="summary">
      <h2>Import summary</h2>
      ${renderFacts(model)} ${renderCommand(model, handlers)}
    </div>
    ${model.split ? renderSplit(model.split, handlers) : nothing} ${renderHardware(model, handlers)} ${renderOptions(model, handlers)} ${renderLaunch(model, handlers)}
  `;
}
