import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { compileFilters, previewImport, type ImportFilters, type ImportPreview, type PatternField, type PatternValidation } from '@s3-to-hf/core/filters';
import { formatBytes, messageOf } from '@s3-to-hf/core/format';
import { corsConfigurationFor, S3Error, type FolderListing, type S3Connection } from '@s3-to-hf/core/s3';
import { SelectionTree, visibleRows, type FolderChildren, type TreeRow } from '@s3-to-hf/core/selection';
import { baseStyles, spinnerStyles } from '@s3-to-hf/ui';
import {
  S3TreeErrorEvent,
  S3TreeModeChangeEvent,
  S3TreeSelectionChangeEvent,
  type S3TreeModeChangeDetail,
  type S3TreeSelection,
} from './events.js';
import { FolderCounter } from './folder-counter.js';
import { FolderListings } from './folder-listings.js';
import { countOf, formatCount } from './format-count.js';
import { renderCorsHelp } from './render-cors-help.js';
import { renderNotices, renderRootFailure } from './render-notices.js';
import { firstPatternError, renderPatternFields } from './render-pattern-fields.js';
import { renderPreview } from './render-preview.js';
import { renderPatternTotals, renderTreeTotals } from './render-totals.js';
import { renderTreeRow } from './render-tree-row.js';
import { s3TreeStyles } from './s3-tree.styles.js';
import { TreeFocus, type TreeRowAction } from './tree-focus.js';
import { TypedPatterns } from './typed-patterns.js';
import { VirtualScroll } from './virtual-scroll.js';
import { indexRange } from './virtual-window.js';

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
 * @tagname s3-tree
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
 * @cssproperty [--s3-tree-folder-color=var(--s3hf-color-warning)] - Colour of the folder icons.
 */
export class S3TreeElement extends LitElement {
  static override styles = [baseStyles, spinnerStyles, s3TreeStyles];

  /** Registers the element under `tag` unless that tag is taken already. */
  static define(tag = 's3-tree', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this);
  }

  // Declared without decorators, so the built package needs no decorator helpers (tslib).
  static override properties = {
    countConcurrency: { type: Number, attribute: 'count-concurrency' },
    manual: { type: Boolean, reflect: true },
  };

  /** Most list requests in flight while counting folders (attribute `count-concurrency`). */
  countConcurrency = 8;

  /** Choose files by typed patterns instead of the tree; set by the element when the browser may not list the bucket. */
  manual = false;

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
  readonly #listings = new FolderListings(this);
  readonly #counter = new FolderCounter(this);
  /** Listing failures by folder; `''` is the top of the source prefix. */
  readonly #failures = new Map<string, S3Error>();
  #corsError: S3Error | undefined;
  #copyStatus: string | undefined;
  #regionNote: string | undefined;
  #rootCancelled = false;
  #countFailure: { folder: string; error: S3Error } | undefined;
  #countNote: string | undefined;
  #manualReason: S3TreeModeChangeDetail['reason'] | undefined;
  readonly #patterns = new TypedPatterns();
  #compiled: { version: number; result: CompiledSelection } | undefined;
  #previewOpen = false;
  #preview: { key: string; result: ImportPreview } | undefined;
  #rows: TreeRow[] | undefined;
  #lastEmitted: string | undefined;
  readonly #treeScroll = new VirtualScroll(this);
  readonly #previewScroll = new VirtualScroll(this);
  readonly #focus = new TreeFocus(this, { rows: () => this.#visibleRows(), scroll: this.#treeScroll, act: (action, row) => this.#rowActions[action](row) });

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
    this.#restart(next);
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
    return { mode: 'tree', stats: this.#tree.stats(), ...this.#compiledSelection(), tree: this.#tree };
  }

  /** Stops all listing and counting and forgets what they reported, to start over on `connection`. */
  #restart(connection: S3Connection | undefined): void {
    this.#stopWork();
    this.#activeConnection = connection;
    this.#failures.clear();
    this.#corsError = undefined;
    this.#regionNote = undefined;
    this.#countFailure = undefined;
    this.#countNote = undefined;
    this.#rootCancelled = false;
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
    this.#restart(this.#connection);
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
    if (!connection || this.#counter.progress) return;
    const folders = [...this.#tree.selectedUnlistedFolders()].filter((folder) => this.#tree.folderCount(folder) === undefined);
    if (folders.length === 0) return;
    this.#countFailure = undefined;
    this.#countNote = undefined;
    const outcome = await this.#counter.count(connection, folders, {
      concurrency: this.countConcurrency,
      onCounted: (folder, count) => {
        // The folder may have been listed meanwhile; the count is then kept as its recursive total.
        this.#tree.setFolderCount(folder, count);
        this.#emitSelection();
      },
    });
    if (outcome.kind === 'stopped') return;
    if (outcome.kind === 'cancelled') {
      this.#countNote =
        outcome.done > 0 ? `Counting cancelled; the ${countOf(outcome.done, 'folder')} counted already keep their totals.` : 'Counting cancelled.';
    } else if (outcome.kind === 'failed') {
      this.#countFailure = { folder: outcome.folder, error: outcome.error };
      this.#dispatchError(outcome.error, outcome.folder);
    }
    this.requestUpdate();
    this.#emitSelection();
  }

  /** Stops a running `countSelected()`. */
  cancelCount(): void {
    this.#counter.cancel();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const root = this.renderRoot as ShadowRoot;
    this.#treeScroll.attach(root.querySelector<HTMLElement>('.viewport') ?? undefined);
    this.#previewScroll.attach(root.querySelector<HTMLElement>('.preview-list') ?? undefined);
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
    const failures = [...this.#failures]
      // A failure at the top has its own panel while nothing is listed yet.
      .filter(([folder]) => folder !== '' || this.#tree.isListed(''))
      .map(([folder, error]) => ({ folder, error }));
    return renderNotices({
      regionNote: this.#regionNote,
      failures,
      countFailure: this.#countFailure,
      onRetry: (folder) => this.#retry(folder),
      onDismiss: (folder) => this.#dismissFailure(folder),
      onCountAgain: () => void this.countSelected(),
      onDismissCount: this.#dismissCountFailure,
    });
  }

  #renderTreeArea(): TemplateResult {
    if (!this.#connection) {
      return html`<div class="panel muted">Connect a bucket to browse its files.</div>`;
    }
    if (this.#corsError) return this.#renderCorsHelp();
    if (!this.#tree.isListed('')) {
      const failure = this.#failures.get('');
      if (failure) return renderRootFailure(failure, () => this.#retry(''));
      const entries = this.#listings.progress('');
      if (entries !== undefined) {
        return html`
          <div class="panel loading" role="status">
            <span class="spinner" aria-hidden="true"></span>
            <span>Listing ${this.#connection.bucket}… ${entries > 0 ? `${formatCount(entries)} listed` : ''}</span>
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
    const active = this.#focus.activeIndex();
    // The focusable row has a node of its own that is never moved, whether it is in view or
    // scrolled away: moving a focused node (as keyed lists do) would drop the focus.
    const others = indexRange(start, end).filter((index) => index !== active);
    const busy = this.#listings.busy;
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
        @keydown=${this.#focus.onKeydown}
        @mousedown=${this.#focus.onMouseDown}
        @click=${this.#focus.onClick}
        @focusin=${this.#focus.onFocusIn}
        @focusout=${this.#focus.onFocusOut}
      >
        <div class="probe" aria-hidden="true"></div>
        <div class="sizer" role="none" style=${styleMap({ '--rows': String(rows.length) })}>
          ${keyed(rows[active].path, this.#renderRow(rows[active], active, true))}
          ${repeat(
            others,
            (index) => rows[index].path,
            (index) => this.#renderRow(rows[index], index, false),
          )}
        </div>
      </div>
    `;
  }

  #renderRow(row: TreeRow, index: number, active: boolean): TemplateResult {
    const folder = row.kind === 'folder';
    const children = folder ? this.#children.get(row.path) : undefined;
    return renderTreeRow({
      row,
      index,
      active,
      state: this.#tree.state(row.path),
      listing: folder ? this.#listings.progress(row.path) : undefined,
      failure: folder ? this.#failures.get(row.path) : undefined,
      empty: children !== undefined && children.files.length === 0 && children.folders.length === 0,
      size: this.#sizeText(row),
    });
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
        include: this.#patterns.include,
        exclude: this.#patterns.exclude,
        validation: this.#patternValidation(),
        onInput: this.#onPatternInput,
      })}
    `;
  }

  #renderTotals(): TemplateResult {
    const previewToggle = this.#renderPreviewToggle();
    if (this.manual) return renderPatternTotals(this.#patternValidation(), previewToggle);
    return renderTreeTotals({
      stats: this.#tree.stats(),
      count: this.#counter.progress,
      note: this.#countNote,
      onCount: () => void this.countSelected(),
      onCancelCount: () => this.cancelCount(),
      previewToggle,
    });
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
    const preview = selection.filters && this.#importPreview(selection.filters);
    const unlistedFolders =
      selection.mode === 'tree' ? (selection.stats?.unlistedFolders ?? 0) : (preview?.neverListedFolders.length ?? 0);
    return renderPreview({
      mode: selection.mode,
      problem: selection.problem,
      preview,
      root: selection.filters?.root ?? '',
      unlistedFolders,
      window: this.#previewScroll.window(preview?.files.length ?? 0),
      onScroll: this.#previewScroll.onScroll,
    });
  }

  // ── Tree model and rows ──────────────────────────────────────────────────────────────────────

  #replaceTree(): void {
    this.#tree = new SelectionTree();
    this.#children.clear();
    this.#expanded.clear();
    this.#collapsedInFilter.clear();
    this.#focus.forget();
    this.#compiled = undefined;
    this.#preview = undefined;
    this.#rowsChanged();
    this.#treeScroll.reset();
  }

  #rowsChanged(): void {
    this.#rows = undefined;
    this.#focus.rowsChanged();
  }

  #visibleRows(): TreeRow[] {
    this.#rows ??= visibleRows((folder) => this.#children.get(folder), {
      expanded: this.#expanded,
      filter: this.#filter,
      collapsed: this.#collapsedInFilter,
    });
    return this.#rows;
  }

  #compiledSelection(): CompiledSelection {
    const version = this.#tree.version;
    if (this.#compiled?.version !== version) {
      let result: CompiledSelection;
      try {
        result = { filters: compileFilters(this.#tree) };
      } catch (error) {
        result = { problem: messageOf(error) };
      }
      this.#compiled = { version, result };
    }
    return this.#compiled.result;
  }

  #patternValidation(): PatternValidation {
    return this.#patterns.validation();
  }

  #importPreview(filters: ImportFilters): ImportPreview {
    // What the filters depend on, cheaper to compare than the (possibly long) filters themselves.
    const key = this.manual ? `manual\n${this.#tree.version}\n${this.#patterns.include}\n${this.#patterns.exclude}` : `tree\n${this.#tree.version}`;
    if (this.#preview?.key !== key) this.#preview = { key, result: previewImport(this.#tree, filters) };
    return this.#preview.result;
  }

  #emitSelection(): void {
    const selection = this.selection;
    const serialized = JSON.stringify(selection);
    if (serialized === this.#lastEmitted) return;
    this.#lastEmitted = serialized;
    // Built first: the manifest analyzer documents `@fires` from the class comment, not from calls.
    const event = new S3TreeSelectionChangeEvent(selection);
    this.dispatchEvent(event);
  }

  #dispatchError(error: S3Error, folder: string): void {
    const event = new S3TreeErrorEvent({ error, folder });
    this.dispatchEvent(event);
  }

  // ── Listing ──────────────────────────────────────────────────────────────────────────────────

  /**
   * Lists one folder level into the tree, with progress on its row. With `checkOnly`, reads one page
   * of the top only, to check the new settings of a kept tree.
   */
  async #listFolder(folder: string, { checkOnly = false } = {}): Promise<void> {
    const connection = this.#activeConnection;
    if (!connection || (!checkOnly && this.#tree.isListed(folder))) return;
    this.#failures.delete(folder);
    if (folder === '') this.#rootCancelled = false;
    const outcome = await this.#listings.list(connection, folder, checkOnly);
    if (!outcome || outcome.kind === 'stopped') return;
    if ((outcome.kind === 'listed' || outcome.kind === 'checked') && outcome.correctedRegion) {
      this.#useCorrectedRegion(outcome.connection, outcome.correctedRegion, folder);
    }
    if (outcome.kind === 'listed') this.#addListing(folder, outcome.listing);
    else if (outcome.kind === 'failed') this.#recordFailure(folder, outcome.error);
    else if (outcome.kind === 'cancelled' && folder === '' && !this.#tree.isListed('')) this.#rootCancelled = true;
    this.requestUpdate();
    this.#emitSelection();
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
    this.#listings.cancel(folder);
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
    this.#listings.stop();
    this.#counter.stop();
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

  /** What a key or a click on a row does, the focus moves excepted (see TreeFocus). */
  readonly #rowActions: Record<TreeRowAction, (row: TreeRow) => void> = {
    expand: (row) => this.#expand(row.path),
    collapse: (row) => this.#collapse(row.path),
    'toggle-expanded': (row) => (row.expanded ? this.#collapse(row.path) : this.#expand(row.path)),
    'toggle-checked': (row) => this.#toggleChecked(row.path),
    cancel: (row) => this.#cancelListing(row.path),
    retry: (row) => this.#retry(row.path),
  };

  readonly #onFilterInput = (event: Event): void => {
    this.#filter = (event.target as HTMLInputElement).value;
    this.#collapsedInFilter.clear();
    this.#rowsChanged();
    this.#treeScroll.reset();
    this.requestUpdate();
  };

  readonly #onPatternInput = (field: PatternField, text: string): void => {
    this.#patterns.set(field, text);
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
    const event = new S3TreeModeChangeEvent({ mode, reason });
    this.dispatchEvent(event);
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
