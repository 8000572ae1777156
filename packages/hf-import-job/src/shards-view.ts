import { html, nothing, type TemplateResult } from 'lit';
import type { Tone } from './tone.js';

/** One status line of a sharded import's follow view. */
export interface ShardRowModel {
  /** From 1. */
  index: number;
  /** 'Job 2 of 3' */
  name: string;
  stageLabel: string;
  tone: Tone;
  active: boolean;
  /** Progress, size, or how it ended, in a few words. */
  detail: string;
  /** 0–1 while the plan is known. */
  fraction?: number;
  jobId?: string;
  jobUrl?: string;
  /** 'attempt 2' after a retry. */
  attemptNote?: string;
  /** Why following stopped, or why it never started. */
  problem?: string;
  canRetry: boolean;
  retrying: boolean;
  retryProblem?: string;
  /** Why a shard that ended badly cannot be retried from here. */
  retryHint?: string;
  logShown: boolean;
}

export interface ShardsViewHandlers {
  showShardLog(index: number): void;
  retryShard(index: number): void;
}

function renderRow(row: ShardRowModel, handlers: ShardsViewHandlers): TemplateResult {
  const percent = row.fraction === undefined ? undefined : Math.round(row.fraction * 100);
  return html`
    <li class="shard-row ${row.logShown ? 'log-shown' : ''}" data-shard=${row.index}>
      <div class="shard-line">
        <span class="shard-name">${row.name}</span>
        <span class="stage small tone-${row.tone} ${row.active ? 'active' : ''}"><span class="dot" aria-hidden="true"></span>${row.stageLabel}</span>
        ${row.attemptNote ? html`<span class="muted">${row.attemptNote}</span>` : nothing}
        <span class="shard-detail muted">${percent === undefined ? nothing : html`<span class="shard-percent">${percent}%</span> `}${row.detail}</span>
      </div>
      <div class="shard-actions">
        ${row.jobUrl && row.jobId
          ? html`<a href=${row.jobUrl} target="_blank" rel="noopener noreferrer"
              ><span class="visually-hidden">${row.name}: </span>Job <code>${row.jobId.slice(0, 8)}</code><span class="visually-hidden"> on Hugging Face (opens in a new tab)</span> ↗</a
            >`
          : nothing}
        ${row.jobId
          ? html`<button class="small" type="button" aria-pressed=${row.logShown ? 'true' : 'false'} @click=${() => handlers.showShardLog(row.index)}>
              Log<span class="visually-hidden"> of ${row.name}</span>
            </button>`
          : nothing}
        ${row.canRetry
          ? html`<button class="small" type="button" ?disabled=${row.retrying} @click=${() => handlers.retryShard(row.index)}>
              ${row.retrying ? html`<span class="spinner" aria-hidden="true"></span>Starting…` : html`Retry shard<span class="visually-hidden"> ${row.index}</span>`}
            </button>`
          : nothing}
      </div>
      ${row.problem ? html`<p class="shard-problem">${row.problem}</p>` : nothing}
      ${row.retryHint ? html`<p class="field-hint">${row.retryHint}</p>` : nothing}
      ${row.retryProblem ? html`<div class="notice error" role="alert"><p>${row.retryProblem}</p></div>` : nothing}
    </li>
  `;
}

/** The Jobs of a sharded import, one status line each, with their log and Retry. */
export function renderShards(rows: readonly ShardRowModel[], summary: string, handlers: ShardsViewHandlers): TemplateResult {
  return html`
    <div class="section" part="shards">
      <div class="section-head">
        <h2 id="shards-label">Jobs</h2>
        <span class="muted">${summary}</span>
      </div>
      <ol class="shard-list" aria-labelledby="shards-label">
        ${rows.map((row) => renderRow(row, handlers))}
      </ol>
    </div>
  `;
}
