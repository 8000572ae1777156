import type { ImportOutcome } from '@s3-to-hf/core';
import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { FollowProblem } from './import-run.js';
import { renderLog, type LogViewHandlers, type LogViewModel } from './log-view.js';
import { renderShards, type ShardRowModel, type ShardsViewHandlers } from './shards-view.js';
import type { Tone } from './tone.js';

export type { Tone };

/** What the follow view (after launch or attach) shows. */
export interface FollowViewModel {
  stageLabel: string;
  tone: Tone;
  active: boolean;
  elapsed?: string;
  /** The Job of a one-Job import. */
  job?: { id: string; url: string };
  /** A sharded import: its group id, and a status line per Job. */
  group?: { id: string; summary: string; rows: ShardRowModel[] };
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
  /** How many Jobs Cancel stops (more than one for a sharded import). */
  cancelCount: number;
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

export interface FollowViewHandlers extends LogViewHandlers, ShardsViewHandlers {
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
        ${model.job ? html`<span>Job <code>${model.job.id}</code></span>` : nothing}
        ${model.group
          ? html`<span>${model.group.rows.length > 0 ? `${model.group.rows.length} Jobs, import group` : 'Import group'} <code>${model.group.id}</code></span>`
          : nothing}
        ${model.flavor ? html`<span>on <code>${model.flavor}</code></span>` : nothing}
        ${model.job
          ? html`<a href=${model.job.url} target="_blank" rel="noopener noreferrer">View the Job on Hugging Face<span class="visually-hidden"> (opens in a new tab)</span> ↗</a>`
          : nothing}
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

function renderCancelDialog(model: FollowViewModel, handlers: FollowViewHandlers): TemplateResult {
  const several = model.cancelCount > 1;
  return html`
    <dialog aria-labelledby="cancel-title" aria-describedby="cancel-text" @close=${handlers.keepRunning}>
      <h2 id="cancel-title">${several ? `Cancel all ${model.cancelCount} running Jobs of this import?` : 'Cancel this import?'}</h2>
      <p id="cancel-text">
        ${several ? 'They stop on Hugging Face; Jobs that already finished keep what they imported.' : 'The Job stops on Hugging Face.'} Files already
        copied stay in the bucket; run the import again with “Skip existing files” to copy the rest.
      </p>
      <div class="dialog-actions">
        <button type="button" autofocus @click=${handlers.keepRunning}>Keep running</button>
        <button type="button" class="danger" @click=${handlers.confirmCancel}>${several ? `Cancel all ${model.cancelCount} Jobs` : 'Cancel import'}</button>
      </div>
    </dialog>
  `;
}

/** The follow view: stage, progress, live log, result. */
export function renderFollow(model: FollowViewModel, handlers: FollowViewHandlers): TemplateResult {
  return html`
    ${renderStatus(model, handlers)} ${renderProgress(model)} ${renderResult(model, handlers)}
    ${model.group && model.group.rows.length > 0 ? renderShards(model.group.rows, model.group.summary, handlers) : nothing} ${renderLog(model.log, handlers)}
    ${renderCancelDialog(model, handlers)}
  `;
}
