import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import {
  compileFilters,
  previewImport,
  validateImportPatterns,
  type ImportFilters,
  type ImportPreview,
  type PatternField,
  type PatternValidation,
} from '@s3-to-hf/core/filters';
import { formatBytes } from '@s3-to-hf/core/format';
import {
  corsConfigurationFor,
  countFolder,
  listFolder,
  S3Error,
  withRegionRecovery,
  type FolderListing,
  type S3Connection,
} from '@s3-to-hf/core/s3';
import { parentFolderOf, SelectionTree, visibleRows, type FolderChildren, type TreeRow } from '@s3-to-hf/core/selection';
import { baseStyles } from '@s3-to-hf/ui';
import { asS3Error, errorTitle } from './describe-error.js';
import {
  S3TreeErrorEvent,
  S3TreeModeChangeEvent,
  S3TreeSelectionChangeEvent,
  type S3TreeModeChangeDetail,
  type S3TreeSelection,
} from './events.js';
import { countOf, formatCount, visibleName } from './format-count.js';
import { chevronIcon, fileIcon, folderIcon, warningIcon } from './icons.js';
import { renderCorsHelp } from './render-cors-help.js';
import { firstPatternError, renderPatternFields } from './render-pattern-fields.js';
import { s3TreeStyles } from './s3-tree.styles.js';
import { treeKeyAction, type TreeKeyAction } from './tree-key-action.js';
import { VirtualScroll } from './virtual-scroll.js';

/** A folder listing in flight. */
interface FolderLoad {
  controller: AbortController;
  /** Files and folders received so far. */
  entries: number;
  /** Only checking that new credentials still list the bucket (the listing itself is kept). */
  checking: boolean;
}

/** A count of the selected never-listed folders in flight. */
interface CountRun {
  controller: AbortController;
  folders: string[];
  /** Folders counted completely. */
  done: number;
  current: string;
  /** Totals so far, the current folder's partial totals included. */
  files: number;
  bytes: number;
}

type CompiledSelection = { filters: ImportFilters; problem?: undefined } | { filters?: undefined; problem: string };

/**
 * Whether two connections read the same data (bucket, endpoint and source prefix), so that what
 * was listed and selected stays true when only the credentials or the region change.
 */
function sameData(a: S3Connection, b: S3Connection): boolean {
  return a.bucket === b.bucket && a.endpoint === b.endpoint && (a.prefix ?? '') === (b.prefix ?? '');
}

/**
 * A lazy, virtualized, accessible tree of an S3 bucket to tick the files and folders to import,
 * with typed include/exclude patterns as the fallback when the browser may not list the bucket.
 *
 * Folders are listed one level at a time when opened; only the rows in view are in the DOM, so
 * folders of 100,000 objects scroll smoothly. Folders can be ticked without being opened (their
 * files are imported but not counted until `countSelected()`). The selection is kept through
 * errors, and through a new `connection` that reads the same bucket, endpoint and prefix (fixed
 * credentials, a corrected region); any other connection starts a new tree.
 *
 * @summary Tick what to import from an S3 bucket, or type patterns when it cannot be listed.
 *
 * @fires {S3TreeSelectionChangeEvent} s3-tree-selection-change - When `selection` changes: ticks, patterns, mode,
 *   and listings or counts that complete the totals. `detail` is the new `S3TreeSelection`.
 * @fires {S3TreeErrorEvent} s3-tree-error - When listing or counting fails (`detail: { error, folder }`), and
 *   with kind `wrong-region` when the element corrected the region by itself, so a page can fix the field named by
 *   `error.kind`/`error.field`.
 * @fires {S3TreeModeChangeEvent} s3-tree-mode-change - When the element switches between the tree and typed patterns,
 *   because of a CORS block or a user's choice (`detail: { mode, reason }`).
 *
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - The bar with the mode switch, filter and selection buttons.
 * @csspart filter - The filter text field.
 * @csspart notices - The list of errors and notes above the tree.
 * @csspart error - An error panel or notice (listing, counting, connection).
 * @csspart viewport - The scrolling box with `role="tree"`.
 * @csspart row - A row (also `row-folder` or `row-file`, plus `row-checked`, `row-mixed`, `row-loading`, `row-failed`).
 * @csspart toggle - The expand/collapse chevron of a folder row.
 * @csspart checkbox - The tri-state check box of a row.
 * @csspart name - The name of a row (ellipsis, full key in the tooltip).
 * @csspart status - Listing progress or a failure on a folder row.
 * @csspart size - The size column of a row.
 * @csspart totals - The bar with the selection's totals and the count action.
 * @csspart manual - The pattern editor.
 * @csspart patterns-include - The include patterns text area.
 * @csspart patterns-exclude - The exclude patterns text area.
 * @csspart cors - The CORS explanation.
 * @csspart cors-json - The CORS rule to copy.
 * @csspart preview - The preview of the files the import copies.
 *
 * @cssproperty [--s3-tree-row-height=2.25em] - Height of a row (all rows have the same).
 * @cssproperty [--s3-tree-indent=1.25em] - Indentation per level.
 * @cssproperty [--s3-tree-max-height=26rem] - Largest height of the tree before it scrolls.
 * @cssproperty [--s3-tree-preview-max-height=16rem] - Largest height of the preview list.
 * @cssproperty [--s3-tree-size-width=6.5em] - Width of the size column.
 * @cssproperty [--s3-tree-row-hover=rgba(127,127,127,0.1)] - Background of the row under the pointer.
 * @cssproperty [--s3-tree-checked-background=var(--s3hf-color-selection)] - Background of ticked rows.
 */
export class S3TreeElement extends LitElement {
  static override styles = [baseStyles, s3TreeStyles];

  /** Registers the element under `tag` unless that tag is taken already. */
  static define(tag = 's3-tree', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this);
  }

  /** Most list requests in flight while counting folders. */
  @property({ type: Number, attribute: 'count-concurrency' }) countConcurrency = 8;

  /** Choose files by typed patterns instead of the tree; set by the element when the browser may not list the bucket. */
  @property({ type: Boolean, reflect: true }) manual = false;

  #connection: S3Connection | undefined;
  /** The connection listings use: `connection`, or a copy with the region S3 pointed to. */
  #activeConnection: S3Connection | undefined;
  #tree = new SelectionTree();
  /** Contents of the listed folders, read once from the tree (listings never change). */
  readonly #children = new Map<string, FolderChildren>();
  readonly #expanded = new Set<string>();
  /** Folders closed by the user while the current filter opens them. */
  readonly #collapsedInFilter = new Set<string>();
  #filter = '';
  readonly #loads = new Map<string, FolderLoad>();
  /** Listing failures by folder; `''` is the top of the source prefix. */
  readonly #failures = new Map<string, S3Error>();
  #corsError: S3Error | undefined;
  #copyStatus: string | undefined;
  #regionNote: string | undefined;
  #rootCancelled = false;
  #count: CountRun | undefined;
  #countFailure: { folder: string; error: S3Error } | undefined;
  #countNote: string | undefined;
  #manualReason: S3TreeModeChangeDetail['reason'] | undefined;
  #include = '';
  #exclude = '';
  #validation: { include: string; exclude: string; result: PatternValidation } | undefined;
  #compiled: { version: number; result: CompiledSelection } | undefined;
  #previewOpen = false;
  #preview: { key: string; result: ImportPreview } | undefined;
  /** Bumped whenever the tree is replaced or work is stopped, so late answers are dropped. */
  #generation = 0;
  #rows: TreeRow[] | undefined;
  #activePath: string | undefined;
  #activeIndex: number | undefined;
  #treeFocused = false;
  #lastEmitted: string | undefined;
  readonly #treeScroll = new VirtualScroll(this);
  readonly #previewScroll = new VirtualScroll(this);

  /**
   * Where to read, with credentials (never reflected or rendered). A new object that reads the same
   * bucket, endpoint and prefix keeps the listings and the selection and checks the new settings;
   * any other starts a new tree and lists its top.
   */
  get connection(): S3Connection | undefined {
    return this.#connection;
  }

  set connection(next: S3Connection | undefined) {
    const previous = this.#connection;
    if (next === previous) return;
    this.#connection = next;
    const keep = previous !== undefined && next !== undefined && sameData(previous, next) && this.#tree.isListed('');
    this.#stopWork();
    this.#activeConnection = next;
    this.#failures.clear();
    this.#corsError = undefined;
    this.#regionNote = undefined;
    this.#countFailure = undefined;
    this.#countNote = undefined;
    this.#rootCancelled = false;
    if (keep) {
      if (this.isConnected) void this.#listFolder('', { checkOnly: true });
    } else {
      this.#replaceTree();
      if (this.isConnected) void this.#listFolder('');
    }
    this.requestUpdate();
    this.#emitSelection();
  }

  /** The model behind the view: what is listed and ticked. */
  get selectionTree(): SelectionTree {
    return this.#tree;
  }

  /** What is selected for import, as `s3-tree-selection-change` reports it. */
  get selection(): S3TreeSelection {
    if (this.manual) {
      const validation = this.#patternValidation();
      return validation.filters
        ? { mode: 'manual', filters: validation.filters }
        : { mode: 'manual', problem: firstPatternError(validation) };
    }
    return { mode: 'tree', stats: this.#tree.stats(), ...this.#compiledSelection() };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Work stopped on disconnect resumes: the top is listed again unless it failed or was cancelled.
    if (this.#connection && !this.#tree.isListed('') && !this.#failures.has('') && !this.#corsError && !this.#rootCancelled) {
      void this.#listFolder('');
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWork();
  }

  /** Lists the bucket again from the top, with a new tree (the selection starts empty). */
  reload(): void {
    this.#stopWork();
    this.#activeConnection = this.#connection;
    this.#failures.clear();
    this.#corsError = undefined;
    this.#regionNote = undefined;
    this.#countFailure = undefined;
    this.#countNote = undefined;
    this.#rootCancelled = false;
    this.#replaceTree();
    if (this.isConnected && this.#connection) void this.#listFolder('');
    this.requestUpdate();
    this.#emitSelection();
  }

  /** Ticks everything under the source prefix, listed or not. */
  selectAll(): void {
    this.#tree.setSelected('', true);
    this.requestUpdate();
    this.#emitSelection();
  }

  /** Unticks everything. */
  deselectAll(): void {
    this.#tree.setSelected('', false);
    this.requestUpdate();
    this.#emitSelection();
  }

  /**
   * Counts the files and bytes of the selected folders that were never listed and have no count
   * yet, one folder after the other, so `selection.stats` becomes complete. Resolves when done,
   * failed or cancelled (with `cancelCount()`); folders counted before a failure keep their count.
   */
  async countSelected(): Promise<void> {
    const connection = this.#activeConnection;
    if (!connection || this.#count) return;
    const folders = [...this.#tree.selectedUnlistedFolders()].filter((folder) => this.#tree.folderCount(folder) === undefined);
    if (folders.length === 0) return;
    const generation = this.#generation;
    const run: CountRun = { controller: new AbortController(), folders, done: 0, current: folders[0], files: 0, bytes: 0 };
    this.#count = run;
    this.#countFailure = undefined;
    this.#countNote = undefined;
    this.requestUpdate();
    let countedFiles = 0;
    let countedBytes = 0;
    try {
      for (const folder of folders) {
        run.current = folder;
        const count = await countFolder(connection, folder, {
          concurrency: this.countConcurrency,
          signal: run.controller.signal,
          onProgress: (progress) => {
            run.files = countedFiles + progress.files;
            run.bytes = countedBytes + progress.bytes;
            this.requestUpdate();
          },
        });
        if (generation !== this.#generation) return;
        // The folder may have been listed meanwhile; the count is then kept as its recursive total.
        this.#tree.setFolderCount(folder, count);
        countedFiles += count.files;
        countedBytes += count.bytes;
        run.done++;
        this.#emitSelection();
      }
    } catch (error) {
      if (generation !== this.#generation) return;
      const failure = asS3Error(error, 'Counting');
      if (failure.kind === 'aborted') {
        this.#countNote =
          run.done > 0 ? `Counting cancelled; the ${countOf(run.done, 'folder')} counted already keep their totals.` : 'Counting cancelled.';
      } else {
        this.#countFailure = { folder: run.current, error: failure };
        this.#dispatchError(failure, run.current);
      }
    } finally {
      if (generation === this.#generation) {
        this.#count = undefined;
        this.requestUpdate();
        this.#emitSelection();
      }
    }
  }

  /** Stops a running `countSelected()`. */
  cancelCount(): void {
    this.#count?.controller.abort();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const root = this.renderRoot as ShadowRoot;
    this.#treeScroll.attach(root.querySelector<HTMLElement>('.viewport') ?? undefined);
    this.#previewScroll.attach(root.querySelector<HTMLElement>('.preview-list') ?? undefined);
    if (this.#treeFocused && !root.activeElement?.matches('.row')) this.#focusActiveRow();
    // A page that sets `manual` itself changes the selection too (not on the first render).
    if (changed.has('manual') && changed.get('manual') !== undefined) this.#emitSelection();
  }

  override render(): TemplateResult {
    return html`
      <div part="base" class="base">
        ${this.#renderToolbar()} ${this.#renderNotices()}
        <div class="body">${this.manual ? this.#renderManual() : this.#renderTreeArea()}</div>
        ${this.#renderTotals()} ${this.#previewOpen && this.#tree.isListed('') ? this.#renderPreview() : nothing}
      </div>
    `;
  }

  // ── Rendering ────────────────────────────────────────────────────────────────────────────────

  #renderToolbar(): TemplateResult {
    const connection = this.#connection;
    const listed = this.#tree.isListed('');
    return html`
      <div part="toolbar" class="toolbar">
        <div class="toolbar-line">
          <div class="location" title=${connection ? `${connection.bucket}/${connection.prefix ?? ''}` : ''}>
            ${connection
              ? html`<span class="bucket">${connection.bucket}</span><span class="prefix">/${connection.prefix ?? ''}</span>`
              : html`<span class="muted">No bucket yet</span>`}
          </div>
          <div class="modes" role="group" aria-label="Choose files">
            <button type="button" aria-pressed=${this.manual ? 'false' : 'true'} @click=${() => this.#setMode('tree', 'user')}>Tree</button>
            <button type="button" aria-pressed=${this.manual ? 'true' : 'false'} @click=${() => this.#setMode('manual', 'user')}>
              Patterns
            </button>
          </div>
        </div>
        ${listed && !this.manual
          ? html`
              <div class="toolbar-line">
                <input
                  type="search"
                  part="filter"
                  class="filter"
                  aria-label="Filter loaded names"
                  placeholder="Filter loaded names"
                  .value=${live(this.#filter)}
                  @input=${this.#onFilterInput}
                />
                <button type="button" @click=${this.selectAll}>Select all</button>
                <button type="button" @click=${this.deselectAll}>Deselect all</button>
              </div>
            `
          : nothing}
      </div>
    `;
  }

  #renderNotices(): TemplateResult | typeof nothing {
    const notices: TemplateResult[] = [];
    if (this.#regionNote) {
      notices.push(html`<li class="notice" part="notice">${this.#regionNote}</li>`);
    }
    const rootFailure = this.#failures.get('');
    if (rootFailure && this.#tree.isListed('')) {
      notices.push(this.#renderFailureNotice('', rootFailure, 'What you selected is kept.'));
    }
    for (const [folder, error] of this.#failures) {
      if (folder !== '') notices.push(this.#renderFailureNotice(folder, error));
    }
    if (this.#countFailure) {
      const { folder, error } = this.#countFailure;
      notices.push(html`
        <li class="notice error" part="error">
          <p class="notice-title">${warningIcon} Could not count “${visibleName(folder)}”: ${errorTitle(error)}</p>
          <p>${error.message}</p>
          <div class="notice-actions">
            <button type="button" @click=${() => void this.countSelected()}>Count again</button>
            <button type="button" class="link" @click=${this.#dismissCountFailure}>Dismiss</button>
          </div>
        </li>
      `);
    }
    if (notices.length === 0) return nothing;
    return html`<ul class="notices" part="notices">${notices}</ul>`;
  }

  #renderFailureNotice(folder: string, error: S3Error, extra = ''): TemplateResult {
    const where = folder === '' ? 'the bucket' : `“${visibleName(folder)}”`;
    return html`
      <li class="notice error" part="error" role="alert">
        <p class="notice-title">${warningIcon} Could not list ${where}: ${errorTitle(error)}</p>
        <p>${error.message} ${extra}</p>
        <div class="notice-actions">
          <button type="button" @click=${() => this.#retry(folder)}>Retry</button>
          <button type="button" class="link" @click=${() => this.#dismissFailure(folder)}>Dismiss</button>
        </div>
      </li>
    `;
  }

  #renderTreeArea(): TemplateResult {
    if (!this.#connection) {
      return html`<div class="panel muted">Connect a bucket to browse its files.</div>`;
    }
    if (this.#corsError) return this.#renderCorsHelp();
    if (!this.#tree.isListed('')) {
      const failure = this.#failures.get('');
      if (failure) return this.#renderRootFailure(failure);
      const load = this.#loads.get('');
      if (load) {
        return html`
          <div class="panel loading" role="status">
            <span class="spinner" aria-hidden="true"></span>
            <span>Listing ${this.#connection.bucket}… ${load.entries > 0 ? `${formatCount(load.entries)} listed` : ''}</span>
            <button type="button" @click=${() => this.#cancelListing('')}>Cancel</button>
          </div>
        `;
      }
      return html`
        <div class="panel">
          <span>${this.#rootCancelled ? 'Listing cancelled.' : 'Not listed yet.'}</span>
          <button type="button" @click=${() => this.#retry('')}>List the bucket</button>
        </div>
      `;
    }
    const rows = this.#visibleRows();
    if (rows.length === 0) {
      return html`<div class="panel muted" role="status">
        ${this.#filter ? `No loaded name contains “${this.#filter}”.` : 'This folder is empty.'}
      </div>`;
    }
    return this.#renderViewport(rows);
  }

  #renderRootFailure(error: S3Error): TemplateResult {
    return html`
      <div class="panel error-panel notice error" part="error" role="alert">
        <p class="notice-title">${warningIcon} ${errorTitle(error)}</p>
        <p>${error.message}</p>
        <div class="notice-actions"><button type="button" class="primary" @click=${() => this.#retry('')}>Retry</button></div>
      </div>
    `;
  }

  #renderCorsHelp(): TemplateResult {
    const origin = location.origin;
    return renderCorsHelp({
      error: this.#corsError!,
      bucket: this.#connection?.bucket ?? '',
      origin,
      corsJson: JSON.stringify(corsConfigurationFor(origin), null, 2),
      copyStatus: this.#copyStatus,
      onCopy: () => void this.#copyCorsRule(),
      onRetry: () => this.reload(),
    });
  }

  #renderViewport(rows: TreeRow[]): TemplateResult {
    const { start, end } = this.#treeScroll.window(rows.length);
    const indices: number[] = [];
    const active = this.#currentActiveIndex();
    // The focusable row stays in the DOM even when scrolled away, so focus is never lost.
    if (active < start) indices.push(active);
    for (let index = start; index < end; index++) indices.push(index);
    if (active >= end) indices.push(active);
    const busy = this.#loads.size > 0;
    return html`
      <div class="columns" aria-hidden="true"><span>Name</span><span>Size</span></div>
      <div
        part="viewport"
        class="viewport ${this.#filter ? 'filtering' : ''}"
        role="tree"
        aria-multiselectable="true"
        aria-label="Files in ${this.#connection?.bucket ?? 'the bucket'}"
        aria-busy=${busy ? 'true' : 'false'}
        @scroll=${this.#treeScroll.onScroll}
        @keydown=${this.#onTreeKeydown}
        @click=${this.#onTreeClick}
        @focusin=${this.#onTreeFocusIn}
        @focusout=${this.#onTreeFocusOut}
      >
        <div class="probe" aria-hidden="true"></div>
        <div class="sizer" role="none" style=${styleMap({ '--rows': String(rows.length) })}>
          ${repeat(
            indices,
            (index) => rows[index].path,
            (index) => this.#renderRow(rows[index], index, index === active),
          )}
        </div>
      </div>
    `;
  }

  #renderRow(row: TreeRow, index: number, active: boolean): TemplateResult {
    const state = this.#tree.state(row.path);
    const folder = row.kind === 'folder';
    const load = folder ? this.#loads.get(row.path) : undefined;
    const failure = folder ? this.#failures.get(row.path) : undefined;
    const parts = [
      'row',
      folder ? 'row-folder' : 'row-file',
      state === 'checked' ? 'row-checked' : state === 'mixed' ? 'row-mixed' : '',
      load ? 'row-loading' : '',
      failure ? 'row-failed' : '',
    ].filter(Boolean);
    const ariaChecked = state === 'checked' ? 'true' : state === 'mixed' ? 'mixed' : 'false';
    return html`
      <div
        class="row"
        part=${parts.join(' ')}
        role="treeitem"
        tabindex=${active ? '0' : '-1'}
        aria-level=${row.level}
        aria-setsize=${row.setSize}
        aria-posinset=${row.posInSet}
        aria-expanded=${folder ? (row.expanded ? 'true' : 'false') : nothing}
        aria-checked=${ariaChecked}
        aria-busy=${load ? 'true' : nothing}
        data-path=${row.path}
        data-state=${state}
        style=${styleMap({ '--index': String(index), '--level': String(row.level - 1) })}
      >
        <span class="toggle" part="toggle" data-action="toggle" aria-hidden="true">${folder ? chevronIcon : nothing}</span>
        <span class="check-hit" data-action="check" aria-hidden="true"><span class="checkbox" part="checkbox"></span></span>
        <span class="icon" aria-hidden="true">${folder ? folderIcon : fileIcon}</span>
        <span class="name ${row.name === '' ? 'unnamed' : ''} ${row.match ? 'match' : ''}" part="name" data-action="name" title=${row.path}
          >${row.name === '' ? '(empty name)' : visibleName(row.name)}</span
        >
        ${this.#renderRowStatus(row, load, failure)}
        <span class="size" part="size">${this.#sizeText(row)}</span>
      </div>
    `;
  }

  #renderRowStatus(row: TreeRow, load: FolderLoad | undefined, failure: S3Error | undefined): TemplateResult | typeof nothing {
    if (load) {
      return html`<span class="status" part="status">
        <span class="spinner" aria-hidden="true"></span>${load.entries > 0 ? `${formatCount(load.entries)} listed…` : 'Listing…'}
        <button type="button" class="link" tabindex="-1" data-action="cancel">Cancel</button>
      </span>`;
    }
    if (failure) {
      return html`<span class="status failed" part="status" title=${failure.message}>
        ${warningIcon} ${errorTitle(failure)}
        <button type="button" class="link" tabindex="-1" data-action="retry">Retry</button>
      </span>`;
    }
    if (row.kind === 'folder' && row.expanded && this.#children.get(row.path)?.files.length === 0 && this.#children.get(row.path)?.folders.length === 0) {
      return html`<span class="status muted" part="status">empty</span>`;
    }
    return nothing;
  }

  #sizeText(row: TreeRow): string {
    if (row.size !== undefined) return formatBytes(row.size);
    const count = this.#tree.folderCount(row.path);
    return count ? formatBytes(count.bytes) : '';
  }

  #renderManual(): TemplateResult {
    return html`
      ${this.#corsError ? this.#renderCorsHelp() : nothing}
      ${renderPatternFields({
        include: this.#include,
        exclude: this.#exclude,
        validation: this.#patternValidation(),
        onInput: this.#onPatternInput,
      })}
    `;
  }

  #renderTotals(): TemplateResult {
    if (this.manual) {
      const validation = this.#patternValidation();
      const text = !validation.filters
        ? 'Fix the patterns marked above to continue.'
        : validation.include.length === 0 && validation.exclude.length === 0
          ? 'Every file under the source prefix is imported. Sizes are unknown in pattern mode.'
          : `${countOf(validation.include.length, 'include pattern')}, ${countOf(validation.exclude.length, 'exclude pattern')}. Sizes are unknown in pattern mode.`;
      return html`<div class="totals" part="totals"><span role="status" class="totals-text">${text}</span>${this.#renderPreviewToggle()}</div>`;
    }
    const stats = this.#tree.stats();
    const count = this.#count;
    const nothingSelected = stats.files === 0 && stats.unlistedFolders === 0;
    return html`
      <div class="totals" part="totals">
        <span role="status" class="totals-text">
          ${nothingSelected
            ? 'Nothing selected.'
            : html`<strong>${countOf(stats.files, 'file')}</strong> · <strong>${formatBytes(stats.bytes)}</strong> selected${stats.uncountedFolders > 0
                  ? html`, plus ${countOf(stats.uncountedFolders, 'selected folder')} not counted yet`
                  : nothing}`}
        </span>
        ${count
          ? html`
              <span class="count-progress">
                <progress max=${count.folders.length} value=${count.done} aria-label="Counting folders"></progress>
                <span>Counting ${formatCount(count.done + 1)} of ${countOf(count.folders.length, 'folder')}: ${countOf(count.files, 'file')}, ${formatBytes(count.bytes)} so far</span>
                <button type="button" @click=${this.cancelCount}>Cancel</button>
              </span>
            `
          : stats.uncountedFolders > 0
            ? html`<button type="button" @click=${() => void this.countSelected()}>Count ${stats.uncountedFolders === 1 ? 'folder' : 'folders'}</button>`
            : nothing}
        ${this.#countNote && !count ? html`<span class="field-hint">${this.#countNote}</span>` : nothing}
        ${this.#renderPreviewToggle()}
      </div>
    `;
  }

  #renderPreviewToggle(): TemplateResult | typeof nothing {
    if (!this.#tree.isListed('')) return nothing;
    return html`
      <button
        type="button"
        class="preview-toggle"
        aria-expanded=${this.#previewOpen ? 'true' : 'false'}
        aria-controls="preview"
        @click=${this.#togglePreview}
      >
        ${this.#previewOpen ? 'Hide preview' : 'Preview'}
      </button>
    `;
  }

  #renderPreview(): TemplateResult {
    const selection = this.selection;
    const filters = selection.filters;
    const body = (() => {
      if (!filters) return html`<p class="field-hint">${selection.problem ?? 'Nothing is selected.'}</p>`;
      const preview = this.#importPreview(filters);
      const { start, end } = this.#previewScroll.window(preview.files.length);
      const unlisted =
        selection.mode === 'tree' ? [...this.#tree.selectedUnlistedFolders()].length : preview.neverListedFolders.length;
      return html`
        <p class="preview-summary" role="status">
          <strong>${countOf(preview.files.length, 'listed file')}</strong> · <strong>${formatBytes(preview.bytes)}</strong>
          ${filters.root ? html`from <code>${visibleName(filters.root)}</code>` : nothing}
          ${unlisted > 0
            ? selection.mode === 'tree'
              ? html`<span class="preview-unlisted">
                  + everything in ${countOf(unlisted, 'selected folder')} never listed: imported, but unknown until counted or
                  opened.
                </span>`
              : html`<span class="preview-unlisted">
                  ${countOf(unlisted, 'folder')} never listed: the patterns may match more files in them.
                </span>`
            : nothing}
        </p>
        ${preview.files.length > 0
          ? html`
              <div class="preview-list" role="list" aria-label="Listed files the import copies" tabindex="0" @scroll=${this.#previewScroll.onScroll}>
                <div class="probe" aria-hidden="true"></div>
                <div class="sizer" role="none" style=${styleMap({ '--rows': String(preview.files.length) })}>
                  ${repeat(
                    range(start, end),
                    (index) => preview.files[index].key,
                    (index) => html`
                      <div
                        class="preview-row"
                        role="listitem"
                        aria-setsize=${preview.files.length}
                        aria-posinset=${index + 1}
                        style=${styleMap({ '--index': String(index) })}
                      >
                        <span class="name" title=${preview.files[index].key}>${visibleName(preview.files[index].key)}</span>
                        <span class="size">${formatBytes(preview.files[index].size)}</span>
                      </div>
                    `,
                  )}
                </div>
              </div>
            `
          : nothing}
      `;
    })();
    return html`
      <section class="preview" part="preview" id="preview" aria-labelledby="preview-title">
        <div class="preview-head">
          <p class="preview-title" id="preview-title">Preview: what the import copies</p>
          <button type="button" class="link" @click=${this.#togglePreview}>Close</button>
        </div>
        ${body}
      </section>
    `;
  }

  // ── Tree model and rows ──────────────────────────────────────────────────────────────────────

  #replaceTree(): void {
    this.#tree = new SelectionTree();
    this.#children.clear();
    this.#expanded.clear();
    this.#collapsedInFilter.clear();
    this.#activePath = undefined;
    this.#compiled = undefined;
    this.#preview = undefined;
    this.#rowsChanged();
    this.#treeScroll.reset();
  }

  #rowsChanged(): void {
    this.#rows = undefined;
    this.#activeIndex = undefined;
  }

  #visibleRows(): TreeRow[] {
    this.#rows ??= visibleRows((folder) => this.#children.get(folder), {
      expanded: this.#expanded,
      filter: this.#filter,
      collapsed: this.#collapsedInFilter,
    });
    return this.#rows;
  }

  /** Index of the row that takes focus: the last focused one, or its nearest shown ancestor. */
  #currentActiveIndex(): number {
    if (this.#activeIndex !== undefined) return this.#activeIndex;
    const rows = this.#visibleRows();
    let index = -1;
    for (let path = this.#activePath; path !== undefined && index === -1; path = path === '' ? undefined : parentFolderOf(path)) {
      index = rows.findIndex((row) => row.path === path);
    }
    this.#activeIndex = Math.max(0, index);
    this.#activePath = rows[this.#activeIndex]?.path;
    return this.#activeIndex;
  }

  #compiledSelection(): CompiledSelection {
    const version = this.#tree.version;
    if (this.#compiled?.version !== version) {
      let result: CompiledSelection;
      try {
        result = { filters: compileFilters(this.#tree) };
      } catch (error) {
        result = { problem: error instanceof Error ? error.message : String(error) };
      }
      this.#compiled = { version, result };
    }
    return this.#compiled.result;
  }

  #patternValidation(): PatternValidation {
    if (this.#validation?.include !== this.#include || this.#validation.exclude !== this.#exclude) {
      this.#validation = {
        include: this.#include,
        exclude: this.#exclude,
        result: validateImportPatterns({ include: this.#include, exclude: this.#exclude }),
      };
    }
    return this.#validation.result;
  }

  #importPreview(filters: ImportFilters): ImportPreview {
    const key = `${this.#tree.version}\n${JSON.stringify(filters)}`;
    if (this.#preview?.key !== key) this.#preview = { key, result: previewImport(this.#tree, filters) };
    return this.#preview.result;
  }

  #emitSelection(): void {
    const selection = this.selection;
    const serialized = JSON.stringify(selection);
    if (serialized === this.#lastEmitted) return;
    this.#lastEmitted = serialized;
    this.dispatchEvent(new S3TreeSelectionChangeEvent(selection));
  }

  #dispatchError(error: S3Error, folder: string): void {
    this.dispatchEvent(new S3TreeErrorEvent({ error, folder }));
  }

  // ── Listing ──────────────────────────────────────────────────────────────────────────────────

  /**
   * Lists one folder level into the tree, with progress on its row and region recovery. With
   * `checkOnly`, only the first page of the top is read, to check new credentials of a kept tree.
   */
  async #listFolder(folder: string, { checkOnly = false } = {}): Promise<void> {
    const connection = this.#activeConnection;
    if (!connection || this.#loads.has(folder) || (!checkOnly && this.#tree.isListed(folder))) return;
    const generation = this.#generation;
    const load: FolderLoad = { controller: new AbortController(), entries: 0, checking: checkOnly };
    this.#loads.set(folder, load);
    this.#failures.delete(folder);
    if (folder === '') this.#rootCancelled = false;
    this.requestUpdate();
    let checked = false;
    let lastAttempt = connection;
    try {
      const recovered = await withRegionRecovery(connection, (attempt) =>
        listFolder((lastAttempt = attempt), folder, {
          signal: load.controller.signal,
          onPage: (page) => {
            load.entries += page.files.length + page.folders.length;
            if (checkOnly) {
              checked = true;
              load.controller.abort(); // one page proves the credentials; the listing is kept
            }
            this.requestUpdate();
          },
        }),
      );
      if (generation !== this.#generation) return;
      if (recovered.correctedRegion) this.#useCorrectedRegion(recovered.connection, recovered.correctedRegion, folder);
      this.#addListing(folder, recovered.result);
    } catch (error) {
      if (generation !== this.#generation) return;
      const failure = asS3Error(error, 'Listing');
      if (failure.kind === 'aborted') {
        if (checked && lastAttempt !== connection) this.#useCorrectedRegion(lastAttempt, lastAttempt.region, folder);
        if (folder === '' && !checked && !this.#tree.isListed('')) this.#rootCancelled = true;
      } else {
        this.#recordFailure(folder, failure);
      }
    } finally {
      if (generation === this.#generation) {
        this.#loads.delete(folder);
        this.requestUpdate();
        this.#emitSelection();
      }
    }
  }

  #addListing(folder: string, listing: FolderListing): void {
    if (this.#tree.isListed(folder) || !this.#tree.isFolder(folder)) return;
    this.#tree.addListing(folder, listing.files, listing.folders);
    this.#children.set(folder, this.#tree.children(folder));
    this.#rowsChanged();
    if (folder === '' && this.manual && this.#manualReason === 'cors-blocked') this.#setMode('tree', 'user');
  }

  #recordFailure(folder: string, failure: S3Error): void {
    if (failure.kind === 'cors-blocked' && folder === '' && !this.#tree.isListed('')) {
      this.#corsError = failure;
      this.#copyStatus = undefined;
      if (!this.manual) this.#setMode('manual', 'cors-blocked');
    } else {
      this.#failures.set(folder, failure);
    }
    this.#dispatchError(failure, folder);
  }

  #useCorrectedRegion(corrected: S3Connection, region: string, folder: string): void {
    const asked = this.#activeConnection?.region ?? '';
    this.#activeConnection = corrected;
    this.#regionNote =
      `Bucket “${corrected.bucket}” is in ${region}, not ${asked}: listed from ${region} automatically. ` +
      `Set the region to ${region} so that the import uses it too.`;
    this.#dispatchError(new S3Error('wrong-region', `This bucket is in ${region}; set the region to ${region}.`, { region }), folder);
  }

  #retry(folder: string): void {
    this.#failures.delete(folder);
    if (folder === '' && this.#tree.isListed('')) void this.#listFolder('', { checkOnly: true });
    else void this.#listFolder(folder);
  }

  #cancelListing(folder: string): void {
    this.#loads.get(folder)?.controller.abort();
  }

  #dismissFailure(folder: string): void {
    this.#failures.delete(folder);
    this.requestUpdate();
  }

  readonly #dismissCountFailure = (): void => {
    this.#countFailure = undefined;
    this.requestUpdate();
  };

  /** Aborts every listing and count and forgets them; their late answers are dropped. */
  #stopWork(): void {
    this.#generation++;
    for (const load of this.#loads.values()) load.controller.abort();
    this.#loads.clear();
    this.#count?.controller.abort();
    this.#count = undefined;
  }

  // ── Interaction ──────────────────────────────────────────────────────────────────────────────

  #expand(path: string): void {
    this.#expanded.add(path);
    this.#collapsedInFilter.delete(path);
    this.#rowsChanged();
    this.requestUpdate();
    if (!this.#tree.isListed(path)) void this.#listFolder(path);
  }

  #collapse(path: string): void {
    this.#expanded.delete(path);
    if (this.#filter) this.#collapsedInFilter.add(path);
    this.#rowsChanged();
    this.requestUpdate();
  }

  #toggleChecked(path: string): void {
    this.#tree.setSelected(path, this.#tree.state(path) !== 'checked');
    this.requestUpdate();
    this.#emitSelection();
  }

  #perform(action: TreeKeyAction): void {
    const row = this.#visibleRows()[action.index];
    switch (action.type) {
      case 'focus':
        this.#moveFocus(action.index);
        break;
      case 'expand':
        this.#expand(row.path);
        break;
      case 'collapse':
        this.#collapse(row.path);
        break;
      case 'toggle-expanded':
        if (row.expanded) this.#collapse(row.path);
        else this.#expand(row.path);
        break;
      case 'toggle-checked':
        this.#toggleChecked(row.path);
        break;
      case 'cancel':
        this.#cancelListing(row.path);
        break;
    }
  }

  #moveFocus(index: number): void {
    const rows = this.#visibleRows();
    this.#activeIndex = index;
    this.#activePath = rows[index]?.path;
    this.#treeScroll.reveal(index);
    this.requestUpdate();
    this.#focusActiveRow();
  }

  #focusActiveRow(): void {
    void this.updateComplete.then(() => {
      const path = this.#activePath;
      const rows = this.renderRoot.querySelectorAll<HTMLElement>('.viewport .row');
      for (const row of rows) {
        if (row.dataset.path === path) {
          row.focus({ preventScroll: true });
          return;
        }
      }
    });
  }

  readonly #onTreeKeydown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (!(event.target instanceof HTMLElement) || !event.target.matches('.row')) return;
    const action = treeKeyAction(event.key, this.#visibleRows(), this.#currentActiveIndex(), this.#treeScroll.pageSize);
    if (!action) return;
    event.preventDefault();
    this.#perform(action);
  };

  readonly #onTreeClick = (event: MouseEvent): void => {
    let action: string | undefined;
    let rowElement: HTMLElement | undefined;
    for (const target of event.composedPath()) {
      if (!(target instanceof HTMLElement)) continue;
      action ??= target.dataset.action;
      if (target.classList.contains('row')) {
        rowElement = target;
        break;
      }
    }
    const path = rowElement?.dataset.path;
    if (path === undefined) return;
    const rows = this.#visibleRows();
    const index = rows.findIndex((row) => row.path === path);
    if (index === -1) return;
    const row = rows[index];
    this.#moveFocus(index);
    const folder = row.kind === 'folder';
    if (action === 'check' || (action === 'name' && !folder)) this.#toggleChecked(path);
    else if (folder && (action === 'toggle' || action === 'name')) this.#perform({ type: 'toggle-expanded', index });
    else if (action === 'cancel') this.#cancelListing(path);
    else if (action === 'retry') this.#retry(path);
  };

  readonly #onTreeFocusIn = (event: FocusEvent): void => {
    this.#treeFocused = true;
    const target = event.target;
    if (target instanceof HTMLElement && target.matches('.row') && target.dataset.path !== this.#activePath) {
      this.#activePath = target.dataset.path;
      this.#activeIndex = undefined;
      this.requestUpdate();
    }
  };

  readonly #onTreeFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget;
    if (!(next instanceof Node) || !(event.currentTarget as HTMLElement).contains(next)) this.#treeFocused = false;
  };

  readonly #onFilterInput = (event: Event): void => {
    this.#filter = (event.target as HTMLInputElement).value;
    this.#collapsedInFilter.clear();
    this.#rowsChanged();
    this.#treeScroll.reset();
    this.requestUpdate();
  };

  readonly #onPatternInput = (field: PatternField, text: string): void => {
    if (field === 'include') this.#include = text;
    else this.#exclude = text;
    this.requestUpdate();
    this.#emitSelection();
  };

  readonly #togglePreview = (): void => {
    this.#previewOpen = !this.#previewOpen;
    this.#previewScroll.reset();
    this.requestUpdate();
  };

  #setMode(mode: 'tree' | 'manual', reason: S3TreeModeChangeDetail['reason']): void {
    const manual = mode === 'manual';
    if (this.manual === manual) return;
    this.#manualReason = manual ? reason : undefined;
    this.manual = manual;
    this.dispatchEvent(new S3TreeModeChangeEvent({ mode, reason }));
    this.#emitSelection();
  }

  async #copyCorsRule(): Promise<void> {
    const json = JSON.stringify(corsConfigurationFor(location.origin), null, 2);
    try {
      await navigator.clipboard.writeText(json);
      this.#copyStatus = 'Copied.';
    } catch {
      // Clipboard access can be refused (permissions, insecure origins): select the text instead.
      const pre = this.renderRoot.querySelector('#cors-json');
      const selection = getSelection();
      if (pre && selection) {
        const range = document.createRange();
        range.selectNodeContents(pre);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      this.#copyStatus = 'The browser refused to copy; the rule is selected: press Ctrl+C (⌘C on a Mac).';
    }
    this.requestUpdate();
  }
}

function range(start: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - start) }, (_, offset) => start + offset);
}
