import type { ImportOutcome } from '@s3-to-hf/core';
import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { FollowProblem } from './import-run.js';
import { renderLog, type LogViewHandlers, type LogViewModel } from './log-view.js';

export type Tone = 'neutral' | 'active' | 'success' | 'warning' | 'danger';

/** What the follow view (after launch or attach) shows. */
export interface FollowViewModel {
  stageLabel: string;
  tone: Tone;
  active: boolean;
  elapsed?: string;
  jobId: string;
  jobUrl: string;
  flavor?: string;
  sourceUri?: string;
  destinationUri?: string;
  progress: {
    /** 0–1, undefined while the plan is unknown. */
    fraction?: number;
    detail: string;
    /** How the bar ends: it turns amber or red for a partial or failed import. */
    finish?: ImportOutcome;
  };
  problem?: FollowProblem;
  connectionProblem?: string;
  canCancel: boolean;
  canceling: boolean;
  cancelProblem?: string;
  notice?: string;
  result?: {
    outcome: ImportOutcome;
    title: string;
    tone: Tone;
    reason: string;
    lastError?: string;
    stats: Array<[label: string, value: string]>;
    bucketUrl?: string;
  };
  log: LogViewModel;
}

export interface FollowViewHandlers extends LogViewHandlers {
  askCancel(): void;
  confirmCancel(): void;
  keepRunning(): void;
  followAgain(): void;
  startOver(): void;
}

function renderStatus(model: FollowViewModel, handlers: FollowViewHandlers): TemplateResult {
  return html`
    <div class="section" part="status">
      <div class="status-row">
        <div class="status-main">
          <span class="stage tone-${model.tone} ${model.active ? 'active' : ''}"><span class="dot" aria-hidden="true"></span>${model.stageLabel}</span>
          ${model.elapsed ? html`<span class="elapsed"><span class="visually-hidden">Elapsed: </span>${model.elapsed}</span>` : nothing}
        </div>
        ${model.canCancel
          ? html`<div class="actions">
              <button class="danger" type="button" ?disabled=${model.canceling} @click=${handlers.askCancel}>
                ${model.canceling ? html`<span class="spinner" aria-hidden="true"></span>Canceling…` : 'Cancel import'}
              </button>
            </div>`
          : nothing}
      </div>
      ${model.sourceUri && model.destinationUri
        ? html`<p class="route"><code>${model.sourceUri}</code><span aria-hidden="true">→</span><span class="visually-hidden">to</span><code>${model.destinationUri}</code></p>`
        : nothing}
      <p class="meta">
        <span>Job <code>${model.jobId}</code></span>
        ${model.flavor ? html`<span>on <code>${model.flavor}</code></span>` : nothing}
        <a href=${model.jobUrl} target="_blank" rel="noopener noreferrer">View the Job on Hugging Face<span class="visually-hidden"> (opens in a new tab)</span> ↗</a>
      </p>
      ${model.notice ? html`<div class="notice error" role="alert"><p>${model.notice}</p></div>` : nothing}
      ${model.cancelProblem ? html`<div class="notice error" role="alert"><p>${model.cancelProblem}</p></div>` : nothing}
      ${model.connectionProblem && !model.problem ? html`<div class="notice warning"><p>${model.connectionProblem} Retrying…</p></div>` : nothing}
      ${model.problem
        ? html`<div class="notice ${model.problem.kind === 'expired' ? 'warning' : 'error'}" role="alert">
            <p>${model.problem.message}</p>
            <div class="notice-actions">
              <button class="small" type="button" @click=${handlers.followAgain}>Follow again</button>
              <button class="small" type="button" @click=${handlers.startOver}>Set up a new import</button>
            </div>
          </div>`
        : nothing}
    </div>
  `;
}

function renderProgress(model: FollowViewModel): TemplateResult {
  const { fraction, detail, finish } = model.progress;
  const percent = fraction === undefined ? undefined : Math.round(fraction * 100);
  const barClass = `bar ${percent === undefined ? 'indeterminate' : ''} ${finish ? `done-${finish}` : ''}`;
  return html`
    <div class="section" part="progress">
      <div class="progress-head">
        <span class="percent">${percent === undefined ? (model.active ? 'Preparing…' : '—') : `${percent}%`}</span>
        <span class="muted">${detail}</span>
      </div>
      <div
        class=${barClass}
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${percent ?? nothing}
        aria-valuetext=${detail || nothing}
      >
        <div class="fill" style=${styleMap(percent === undefined ? {} : { width: `${percent}%` })}></div>
      </div>
    </div>
  `;
}

function renderResult(model: FollowViewModel, handlers: FollowViewHandlers): TemplateResult | typeof nothing {
  const result = model.result;
  if (!result) return nothing;
  return html`
    <div class="section">
      <div class="result tone-${result.tone}" part="result" data-outcome=${result.outcome}>
        <h3 class="result-title">${result.title}</h3>
        <p>${result.reason}</p>
        ${result.lastError ? html`<code class="log-error">${result.lastError}</code>` : nothing}
        ${result.stats.length > 0
          ? html`<dl class="result-stats">
              ${result.stats.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}
            </dl>`
          : nothing}
        <div class="notice-actions">
          ${result.bucketUrl
            ? html`<a class="button" href=${result.bucketUrl} target="_blank" rel="noopener noreferrer">Open the bucket<span class="visually-hidden"> (opens in a new tab)</span> ↗</a>`
            : nothing}
          <button type="button" @click=${handlers.startOver}>Set up a new import</button>
        </div>
      </div>
    </div>
  `;
}

function renderCancelDialog(handlers: FollowViewHandlers): TemplateResult {
  return html`
    <dialog aria-labelledby="cancel-title" aria-describedby="cancel-text" @close=${handlers.keepRunning}>
      <h2 id="cancel-title">Cancel this import?</h2>
      <p id="cancel-text">The Job stops on Hugging Face. Files it already copied stay in the bucket; run the import again with “Skip existing files” to copy the rest.</p>
      <div class="dialog-actions">
        <button type="button" autofocus @click=${handlers.keepRunning}>Keep running</button>
        <button type="button" class="danger" @click=${handlers.confirmCancel}>Cancel import</button>
      </div>
    </dialog>
  `;
}

/** The follow view: stage, progress, live log, result. */
export function renderFollow(model: FollowViewModel, handlers: FollowViewHandlers): TemplateResult {
  return html`
    ${renderStatus(model, handlers)} ${renderProgress(model)} ${renderResult(model, handlers)} ${renderLog(model.log, handlers)}
    ${renderCancelDialog(handlers)}
  `;
}
