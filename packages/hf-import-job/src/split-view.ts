import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** One planned Job of a split, as the summary lists it. */
export interface PlannedShardModel {
  /** 'Job 2' */
  name: string;
  /** '1,204 files · 48.2 GB' (with the uncounted folders when there are any) */
  size: string;
  /** Its load (the larger share of the byte or file limit) over the heaviest Job's, 0–1, for a small bar. */
  weight: number;
}

/** What the "Split into several Jobs" section shows. */
export interface SplitViewModel {
  /** The offer cannot apply: why (manual patterns, no tree, a bad limit). */
  unavailable?: string;
  /** Why a split is offered: the selection is past a limit per Job. */
  why?: string;
  split: boolean;
  countText: string;
  max: number;
  recommended: number;
  /** The count, once valid: the label of the checkbox says it. */
  count?: number;
  error?: string;
  /** When the plan itself failed (e.g. a shard too large for one Job). */
  planProblem?: string;
  shards: PlannedShardModel[];
  note?: string;
}

export interface SplitViewHandlers {
  setSplit(on: boolean): void;
  setShardCount(text: string): void;
}

// A long plan stays a short list: its shards are about the same size, so the first ones show them.
const LISTED_SHARDS = 12;

function renderPlan(model: SplitViewModel): TemplateResult | typeof nothing {
  if (model.planProblem) return html`<div class="notice error" id="shards-plan-error"><p>${model.planProblem}</p></div>`;
  if (!model.split || model.shards.length === 0) return nothing;
  const shown = model.shards.slice(0, LISTED_SHARDS);
  return html`
    <ol class="plan-list" aria-label="Planned Jobs">
      ${shown.map(
        (shard) => html`<li>
          <span class="plan-name">${shard.name}</span>
          <span class="plan-bar" aria-hidden="true"><span style="width: ${Math.max(2, Math.round(shard.weight * 100))}%"></span></span>
          <span class="plan-size">${shard.size}</span>
        </li>`,
      )}
    </ol>
    ${model.shards.length > shown.length ? html`<p class="field-hint">… and ${model.shards.length - shown.length} more Jobs of about the same size.</p>` : nothing}
  `;
}

/** The offer to run a large selection as several Jobs side by side, and how many. */
export function renderSplit(model: SplitViewModel, handlers: SplitViewHandlers): TemplateResult {
  if (model.unavailable) {
    return html`
      <div class="section" part="split">
        <h2>Split into several Jobs</h2>
        <div class="notice warning" id="error-shards"><p>${model.unavailable}</p></div>
      </div>
    `;
  }
  const invalid = Boolean(model.error);
  const describedBy = ['shards-hint', invalid ? 'error-shards' : undefined].filter(Boolean).join(' ');
  return html`
    <div class="section" part="split">
      <h2>Split into several Jobs</h2>
      ${model.why ? html`<p class="muted">${model.why}</p>` : nothing}
      <div class="split-controls">
        <label class="check">
          <input type="checkbox" .checked=${model.split} @change=${(event: Event) => handlers.setSplit((event.target as HTMLInputElement).checked)} />
          ${model.count && model.count > 1 ? `Split into ${model.count} Jobs` : 'Split into several Jobs'}
        </label>
        <div class="field">
          <label for="shard-count">Number of Jobs</label>
          <input
            id="shard-count"
            type="number"
            min="1"
            max=${model.max}
            step="1"
            inputmode="numeric"
            ?disabled=${!model.split}
            .value=${model.countText}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${ifDefined(describedBy || undefined)}
            @input=${(event: Event) => handlers.setShardCount((event.target as HTMLInputElement).value)}
          />
          <p class="field-hint" id="shards-hint">1–${model.max}; recommended: ${model.recommended}.</p>
          ${model.error ? html`<p class="field-error" id="error-shards">${model.error}</p>` : nothing}
        </div>
      </div>
      ${renderPlan(model)}
      ${model.note && model.split ? html`<p class="field-hint">${model.note}</p>` : nothing}
    </div>
  `;
}
