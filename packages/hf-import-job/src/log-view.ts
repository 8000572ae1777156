import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';

/** What the log panel shows. */
export interface LogViewModel {
  lines: readonly string[];
  /** At most this many lines are in the DOM (the latest ones); Copy and Download give all. */
  maxLines: number;
  /** Whether new lines scroll into view; off once the user scrolls up. */
  followsTail: boolean;
  emptyText: string;
  copyStatus?: string;
  /** The log stream gave up (the Job's stage is still followed). */
  problem?: string;
  /** A sharded import shows one Job's log at a time: which one, of how many. */
  shard?: { index: number; count: number };
}

export interface LogViewHandlers {
  scrolled(event: Event): void;
  jumpToLatest(): void;
  copy(): void;
  download(): void;
  /** Shows the log of another Job of a sharded import. */
  chooseLog(index: number): void;
}

const countFormat = new Intl.NumberFormat('en-US');
const ERROR_LINE = /^(Error: |Failed to import |Traceback )/;

function renderLines(model: LogViewModel): TemplateResult {
  const start = Math.max(0, model.lines.length - model.maxLines);
  const visible = model.lines.slice(start).map((text, offset) => ({ number: start + offset + 1, text }));
  return html`<div class="log-lines">
    ${repeat(
      visible,
      (line) => line.number,
      (line) =>
        html`<div class=${ERROR_LINE.test(line.text) ? 'line error' : 'line'}><span class="ln" aria-hidden="true">${line.number}</span><span class="lt">${line.text}</span></div>`,
    )}
  </div>`;
}

function renderPicker({ index, count }: { index: number; count: number }, handlers: LogViewHandlers): TemplateResult {
  return html`<span class="picker">
    <label class="visually-hidden" for="log-shard">Show the log of</label>
    <select id="log-shard" .value=${String(index)} @change=${(event: Event) => handlers.chooseLog(Number((event.target as HTMLSelectElement).value))}>
      ${Array.from({ length: count }, (_, offset) => html`<option value=${offset + 1} ?selected=${offset + 1 === index}>Job ${offset + 1} of ${count}</option>`)}
    </select>
  </span>`;
}

/** The live log: capped in the DOM, following the tail until the user scrolls up. */
export function renderLog(model: LogViewModel, handlers: LogViewHandlers): TemplateResult {
  const hidden = Math.max(0, model.lines.length - model.maxLines);
  return html`
    <div class="section" part="logs">
      <div class="section-head">
        <span class="head-start">
          <h2 id="log-label">Log${model.shard ? html`<span class="visually-hidden"> of Job ${model.shard.index} of ${model.shard.count}</span>` : nothing}</h2>
          ${model.shard ? renderPicker(model.shard, handlers) : nothing}
        </span>
        <span class="log-actions">
          <span class="muted">${countFormat.format(model.lines.length)} ${model.lines.length === 1 ? 'line' : 'lines'}</span>
          <span class="muted" aria-live="polite">${model.copyStatus ?? ''}</span>
          <button class="small" type="button" ?disabled=${model.lines.length === 0} @click=${handlers.copy}>Copy</button>
          <button class="small" type="button" ?disabled=${model.lines.length === 0} @click=${handlers.download}>Download</button>
        </span>
      </div>
      ${hidden > 0
        ? html`<p class="field-hint">Showing the latest ${countFormat.format(model.maxLines)} lines; ${countFormat.format(hidden)} earlier ones are in Copy and Download.</p>`
        : nothing}
      <div class="log-wrap">
        <div class="log" role="region" aria-labelledby="log-label" tabindex="0" @scroll=${handlers.scrolled}>
          ${model.lines.length === 0 ? html`<p class="log-empty">${model.emptyText}</p>` : renderLines(model)}
        </div>
        ${model.followsTail
          ? nothing
          : html`<button class="small jump" type="button" @click=${handlers.jumpToLatest}>Jump to latest ↓</button>`}
      </div>
      ${model.problem ? html`<div class="notice warning"><p>${model.problem}</p></div>` : nothing}
    </div>
  `;
}
