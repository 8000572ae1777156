import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import {
  createBucket,
  DEFAULT_HUB_URL,
  explainBucketError,
  getBucket,
  HfApiError,
  hubBucketUrl,
  listBucketNamespaces,
  whoAmI,
  type BucketNamespace,
} from '@s3-to-hf/core/hf';
import { messageOf } from '@s3-to-hf/core/format';
import { JobInputError, resolveBucketTarget, type BucketTargetField, type JobInputField, type ResolvedBucketTarget } from '@s3-to-hf/core/job';
import { BLOCKING_FAILURES, type BucketCheck } from './bucket-check.js';
import { HfBucketTargetChangeEvent } from './events.js';
import { hfBucketTargetStyles } from './hf-bucket-target.styles.js';
import type { HfBucketTargetValue } from './hf-bucket-target-value.js';
import { LatestTask } from './latest-task.js';
import { renderNameField } from './render-name-field.js';
import { externalLinkIcon, statusIcon } from './status-icons.js';
import { describeTargetStatus, type StatusSegment, type TargetStatus } from './target-status.js';

/** What whoami said about the token: the namespaces to offer, or why it could not tell. */
type AccountState =
  | { state: 'signed-out' }
  | { state: 'loading' }
  | { state: 'ready'; namespaces: BucketNamespace[] }
  | { state: 'failed'; error: unknown };

const FIELD_ORDER: readonly BucketTargetField[] = ['namespace', 'bucket', 'prefix'];
const JOB_INPUT_FIELDS: Record<BucketTargetField, JobInputField> = {
  namespace: 'destination.namespace',
  bucket: 'destination.bucket',
  prefix: 'destination.prefix',
};

// What the namespace chooser says while it has nothing to offer.
const PLACEHOLDERS: Record<AccountState['state'], string> = {
  'signed-out': 'Sign in to list',
  loading: 'Loading…',
  ready: 'None available',
  failed: 'Not available',
};

const idOf = (target: ResolvedBucketTarget) =>
  target.problems.namespace || target.problems.bucket ? undefined : `${target.namespace}/${target.bucket}`;

const renderSegments = (segments: StatusSegment[]) =>
  segments.map((segment) => (typeof segment === 'string' ? segment : html`<code>${segment.code}</code>`));

/**
 * Where an import goes: a Hugging Face Storage Bucket (chosen namespace + name, or
 * `namespace/name` typed in one field), a folder in it, its visibility and whether to create it.
 * Checks (debounced, abortable) whether the bucket exists and explains 401/403 at the fields.
 *
 * @tagname hf-bucket-target
 * @summary Choose or create the destination Storage Bucket and folder of an import.
 *
 * @fires {HfBucketTargetChangeEvent} hf-bucket-target-change - The value changed: edited by the
 *   user, or the bucket's existence became known (checked, created). `detail` is the new `value`.
 *
 * @csspart base - The card around everything.
 * @csspart namespace - The namespace `<select>`.
 * @csspart bucket - The bucket name text field.
 * @csspart prefix - The folder text field.
 * @csspart status - The line saying whether the bucket exists, will be created, or what is wrong.
 * @csspart link - The link to the bucket's page on the Hub.
 * @csspart options - The group of "new bucket" options.
 * @csspart create-toggle - The "create if missing" check box.
 * @csspart private-toggle - The "private" check box.
 *
 * @cssproperty [--hf-bucket-target-background=var(--s3hf-color-surface)] - Card background.
 * @cssproperty [--hf-bucket-target-border-color=var(--s3hf-color-border)] - Card and status borders.
 * @cssproperty [--hf-bucket-target-padding=1.25em] - Space inside the card.
 * @cssproperty [--hf-bucket-target-gap=1.1em] - Space between the sections.
 * @cssproperty [--hf-bucket-target-namespace-width=13em] - Preferred width of the namespace chooser.
 */
export class HfBucketTargetElement extends LitElement {
  static override styles = hfBucketTargetStyles;

  /** Registers the element as `tag` unless that tag is already taken. */
  static define(tag = 'hf-bucket-target', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this);
  }

  private readonly _accountTask = new LatestTask();
  private readonly _checkTask = new LatestTask();
  private _createController: AbortController | undefined;
  private _ensuring: { id: string; promise: Promise<{ id: string; created: boolean }> } | undefined;
  // Bumped when the token, Hub or fetch changes, so results obtained with the old ones are not reused.
  private _credentialGeneration = 0;
  private _checkKey: string | undefined;
  private _reloadOnUpdate = false;
  private _lastValue: string | undefined;

  @state() private _account: AccountState = { state: 'signed-out' };
  @state() private _check: BucketCheck | undefined;
  // Fields whose problems are shown: left once (change), preset, or all after ensureBucket().
  @state() private _shownProblems = new Set<BucketTargetField>();

  /** Hugging Face access token (OAuth or user token). Property only: never reflected or rendered. */
  @property({ attribute: false }) accessToken: string | undefined;

  /** The Hub to talk to. */
  @property({ attribute: 'hub-url' }) hubUrl = DEFAULT_HUB_URL;

  /** Replaces the global fetch for Hub calls (proxies, instrumentation). */
  @property({ attribute: false }) fetch: typeof fetch | undefined;

  /** The chosen namespace (user or organisation); defaults to the signed-in user. */
  @property({ reflect: true }) namespace = '';

  /** The bucket field: `name`, or `namespace/name` (which then sets the namespace). */
  @property({ reflect: true }) bucket = '';

  /**
   * The folder field: where in the bucket the files go ('' = the top). Replaces the XML
   * namespace prefix `Element.prefix`, which is always null on HTML elements.
   */
  @property({ reflect: true }) override prefix = '';

  /** Create a missing bucket as private. */
  @property({ type: Boolean, reflect: true }) private = false;

  /** Do not create a missing bucket ("create if missing" is on by default). */
  @property({ type: Boolean, reflect: true, attribute: 'no-create' }) noCreate = false;

  /** Quiet time after the last edit before checking whether the bucket exists, in ms. */
  @property({ type: Number, attribute: 'check-delay' }) checkDelay = 300;

  /** The destination as it stands (see {@link HfBucketTargetValue}). */
  get value(): HfBucketTargetValue {
    const target = this._resolve();
    const id = idOf(target);
    const check = this._checkOf(id);
    const exists = check?.state === 'exists' ? true : check?.state === 'missing' ? false : undefined;
    const knownToFail =
      Boolean(this._accountProblem() || (id && this._blocker(target.namespace))) ||
      (exists === false && this.noCreate) ||
      (check?.state === 'failed' && BLOCKING_FAILURES.has(check.kind));
    return {
      namespace: target.namespace,
      bucket: target.bucket,
      prefix: target.prefix,
      private: check?.state === 'exists' && check.private !== undefined ? check.private : this.private,
      createIfMissing: !this.noCreate,
      exists,
      valid: Object.keys(target.problems).length === 0 && !knownToFail,
    };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this._reloadOnUpdate) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Nothing runs for a detached element; reattaching starts over with fresh requests.
    this._accountTask.cancel();
    this._checkTask.cancel();
    this._createController?.abort();
    this._checkKey = undefined;
    this._reloadOnUpdate = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated) {
      for (const field of FIELD_ORDER) if (this[field] !== '') this._shownProblems.add(field);
    }
    if (this._reloadOnUpdate || changed.has('accessToken') || changed.has('hubUrl') || changed.has('fetch')) {
      this._reloadOnUpdate = false;
      this._credentialGeneration += 1;
      this._check = undefined;
      this._loadAccount();
    }
    this._scheduleCheck();
  }

  protected override updated(): void {
    const value = this.value;
    const serialized = JSON.stringify(value);
    // The first render only establishes the starting point; events report changes.
    if (this._lastValue !== undefined && serialized !== this._lastValue) this.dispatchEvent(new HfBucketTargetChangeEvent(value));
    this._lastValue = serialized;
  }

  private _resolve(): ResolvedBucketTarget {
    return resolveBucketTarget({ namespace: this.namespace, bucket: this.bucket, prefix: this.prefix });
  }

  private _checkOf(id: string | undefined): BucketCheck | undefined {
    return id !== undefined && this._check?.id === id ? this._check : undefined;
  }

  private _namespaces(): BucketNamespace[] | undefined {
    return this._account.state === 'ready' ? this._account.namespaces : undefined;
  }

  /** Why the token cannot be used at all: whoami refused it (expired, revoked). */
  private _accountProblem(): { headline: string; message: string } | undefined {
    const account = this._account;
    if (account.state === 'failed' && account.error instanceof HfApiError && account.error.kind === 'unauthorized') {
      return { headline: 'Sign in again', message: account.error.message };
    }
    return undefined;
  }

  /** Why nothing can be written to `namespace` with this token, when whoami already says so. */
  private _blocker(namespace: string): { headline: string; message: string } | undefined {
    const known = this._namespaces()?.find((candidate) => candidate.name === namespace);
    if (known?.canWrite === false) return { headline: `No write access in ${namespace}`, message: known.reason ?? '' };
    return undefined;
  }

  private _callOptions(signal: AbortSignal) {
    return { accessToken: this.accessToken ?? '', hubUrl: this.hubUrl, fetch: this.fetch, signal };
  }

  private _loadAccount(): void {
    if (!this.accessToken) {
      this._accountTask.cancel();
      this._account = { state: 'signed-out' };
      return;
    }
    this._account = { state: 'loading' };
    this._accountTask.schedule(
      0,
      (signal) => whoAmI(this._callOptions(signal)),
      (outcome) => {
        if (!outcome.ok) {
          this._account = { state: 'failed', error: outcome.error };
          return;
        }
        const namespaces = listBucketNamespaces(outcome.value);
        this._account = { state: 'ready', namespaces };
        if (!this.namespace && namespaces[0]) this.namespace = namespaces[0].name;
      },
    );
  }

  /** Starts a (debounced) existence check when what it depends on changed. */
  private _scheduleCheck(): void {
    const target = this._resolve();
    const id = idOf(target);
    const checkable = id !== undefined && Boolean(this.accessToken) && !this._accountProblem() && !this._blocker(target.namespace);
    const key = checkable ? `${this._credentialGeneration}\n${id}` : undefined;
    if (key === this._checkKey) return;
    this._checkKey = key;
    this._checkTask.cancel();
    if (!checkable || !id) return;
    this._check = { state: 'checking', id };
    const { namespace, bucket: name } = target;
    this._checkTask.schedule(
      this.checkDelay,
      (signal) => getBucket({ ...this._callOptions(signal), namespace, name }),
      (outcome) => {
        if (outcome.ok) {
          this._check = outcome.value
            ? { state: 'exists', id, private: outcome.value.private, created: false }
            : { state: 'missing', id };
        } else {
          this._check = this._failure(id, namespace, outcome.error);
        }
      },
    );
  }

  private _failure(id: string, namespace: string, error: unknown): BucketCheck {
    return {
      state: 'failed',
      id,
      kind: error instanceof HfApiError ? error.kind : undefined,
      message: explainBucketError(error, { namespace, namespaces: this._namespaces() }),
    };
  }

  /** Records what was learnt about `id`, unless the user has moved on to another bucket. */
  private _record(check: BucketCheck): void {
    if (idOf(this._resolve()) === check.id) this._check = check;
  }

  private _recheck(): void {
    this._checkKey = undefined;
    this.requestUpdate();
  }

  private _reloadAccount(): void {
    this._reloadOnUpdate = true;
    this.requestUpdate();
  }

  private _chooseNamespace(event: Event): void {
    this.namespace = (event.target as HTMLSelectElement).value;
    // A namespace typed in the bucket field would override the choice; keep only the name there.
    const slash = this.bucket.indexOf('/');
    if (slash !== -1) this.bucket = this.bucket.slice(slash + 1);
    this._showProblemsOf('namespace');
  }

  private _typeBucket(event: Event): void {
    this.bucket = (event.target as HTMLInputElement).value;
  }

  private _leaveBucket(): void {
    const target = this._resolve();
    // "acme/data" moves acme to the namespace chooser, where it is then visible and changeable.
    if (target.namespaceInBucketField && !target.problems.bucket) {
      this.namespace = target.namespace;
      this.bucket = target.bucket;
    }
    this._showProblemsOf('bucket');
  }

  private _typePrefix(event: Event): void {
    this.prefix = (event.target as HTMLInputElement).value;
  }

  private _leavePrefix(): void {
    const target = this._resolve();
    if (!target.problems.prefix) this.prefix = target.prefix;
    this._showProblemsOf('prefix');
  }

  private _showProblemsOf(field: BucketTargetField): void {
    if (this._shownProblems.has(field)) return;
    this._shownProblems = new Set([...this._shownProblems, field]);
  }

  /**
   * Makes sure the bucket exists: creates it when missing (a 409 means it already exists), or
   * with `no-create` checks that it does. Invalid fields are marked and refused before any request.
   *
   * @returns `id` (`namespace/name`) and whether this call created the bucket.
   * @throws {JobInputError} for an invalid field (shown at that field).
   * @throws {HfApiError} 'unauthorized', 'forbidden', 'not-found' (missing with `no-create`), … (shown in the status line).
   */
  async ensureBucket(): Promise<{ id: string; created: boolean }> {
    this._shownProblems = new Set(FIELD_ORDER);
    const target = this._resolve();
    const field = FIELD_ORDER.find((candidate) => target.problems[candidate] !== undefined);
    if (field) throw new JobInputError(JOB_INPUT_FIELDS[field], target.problems[field]!);
    const id = `${target.namespace}/${target.bucket}`;
    if (this._ensuring?.id === id) return this._ensuring.promise;
    const promise = this._ensure(target, id).finally(() => {
      if (this._ensuring?.promise === promise) this._ensuring = undefined;
    });
    this._ensuring = { id, promise };
    return promise;
  }

  private async _ensure({ namespace, bucket: name }: ResolvedBucketTarget, id: string): Promise<{ id: string; created: boolean }> {
    this._checkTask.cancel();
    this._createController?.abort();
    const controller = new AbortController();
    this._createController = controller;
    const call = { ...this._callOptions(controller.signal), namespace, name };
    const createIfMissing = !this.noCreate;
    const isPrivate = this.private;
    this._record({ state: createIfMissing ? 'creating' : 'checking', id });
    try {
      if (createIfMissing) {
        const result = await createBucket({ ...call, private: isPrivate });
        // An existing bucket keeps its own visibility: ask for it rather than guess.
        const visibility = result.created ? isPrivate : (await getBucket(call).catch(() => undefined))?.private;
        this._record({ state: 'exists', id, private: visibility, created: result.created });
        return { id, created: result.created };
      }
      const info = await getBucket(call);
      if (info) {
        this._record({ state: 'exists', id, private: info.private, created: false });
        return { id, created: false };
      }
    } catch (error) {
      if (!controller.signal.aborted) this._record(this._failure(id, namespace, error));
      throw error;
    } finally {
      if (this._createController === controller) this._createController = undefined;
    }
    this._record({ state: 'missing', id });
    throw new HfApiError({
      kind: 'not-found',
      message: `The bucket ${id} does not exist and “Create if missing” is off. Turn it on, or choose an existing bucket.`,
      url: hubBucketUrl({ hubUrl: this.hubUrl, namespace, name }),
      statusCode: 404,
    });
  }

  private _problemOf(target: ResolvedBucketTarget, field: BucketTargetField): string | undefined {
    return this._shownProblems.has(field) ? target.problems[field] : undefined;
  }

  private _renderNamespaceOptions(current: string): TemplateResult {
    const account = this._account;
    const namespaces = account.state === 'ready' ? account.namespaces : [];
    const option = ({ name, canWrite }: Pick<BucketNamespace, 'name' | 'canWrite'>, note = '') =>
      html`<option value=${name} .selected=${name === current}>${name}${canWrite === false ? ' (read-only)' : note}</option>`;
    const user = namespaces.filter((candidate) => candidate.kind === 'user');
    const orgs = namespaces.filter((candidate) => candidate.kind === 'org');
    const extra = current && !namespaces.some((candidate) => candidate.name === current) ? option({ name: current, canWrite: undefined }) : nothing;
    const placeholder =
      current || namespaces.length > 0 ? nothing : html`<option value="" selected>${PLACEHOLDERS[account.state]}</option>`;
    return html`${placeholder}${extra}${user.map((candidate) => option(candidate, ' (you)'))}${orgs.length > 0
      ? html`<optgroup label="Organizations">${orgs.map((candidate) => option(candidate))}</optgroup>`
      : nothing}`;
  }

  private _renderNamespaceMessage(problem: string | undefined): TemplateResult {
    const account = this._account;
    if (problem) return html`<p id="namespace-message" class="field-error">${problem}</p>`;
    if (account.state === 'failed' && !(account.error instanceof HfApiError && account.error.kind === 'unauthorized')) {
      const message = messageOf(account.error);
      return html`<p id="namespace-message" class="field-error">
        <span>${message} You can still type <code>namespace/bucket</code>.</span>
        <button type="button" class="link" @click=${this._reloadAccount}>Try again</button>
      </p>`;
    }
    const hint = account.state === 'loading' ? 'Loading your namespaces…' : account.state === 'signed-out' ? 'Sign in to list yours.' : '';
    return html`<p id="namespace-message" class="field-hint">${hint}</p>`;
  }

  private _renderStatus(status: TargetStatus, link: string | undefined): TemplateResult {
    const check = this._check;
    const canRetry = status.tone === 'error' && check?.state === 'failed' && !BLOCKING_FAILURES.has(check.kind);
    return html`<div id="status" part="status" class="status" role="status" data-tone=${status.tone}>
      ${status.tone === 'none'
        ? nothing
        : html`<span class="status-icon" aria-hidden="true">${statusIcon(status.tone)}</span>
            <span class="status-text">
              <span class="status-headline">${renderSegments(status.headline)}</span>
              ${status.detail.length > 0 ? html`<span class="status-detail">${renderSegments(status.detail)}</span>` : nothing}
              ${status.technical ? html`<span class="status-technical">${status.technical}</span>` : nothing}
              ${link || canRetry
                ? html`<span class="status-actions">
                    ${link
                      ? html`<a part="link" href=${link} target="_blank" rel="noopener noreferrer"
                          >View on Hugging Face${externalLinkIcon}<span class="visually-hidden"> (opens in a new tab)</span></a
                        >`
                      : nothing}
                    ${canRetry ? html`<button type="button" class="link" @click=${this._recheck}>Check again</button>` : nothing}
                  </span>`
                : nothing}
            </span>`}
    </div>`;
  }

  override render(): TemplateResult {
    const target = this._resolve();
    const id = idOf(target);
    const check = this._checkOf(id);
    const blocked = id ? this._blocker(target.namespace) : undefined;
    const status = describeTargetStatus({
      id,
      prefix: target.problems.prefix ? undefined : target.prefix,
      private: this.private,
      createIfMissing: !this.noCreate,
      signedIn: Boolean(this.accessToken),
      accountProblem: this._accountProblem(),
      blocked,
      check,
    });
    const link = status.linkToBucket ? hubBucketUrl({ hubUrl: this.hubUrl, namespace: target.namespace, name: target.bucket }) : undefined;
    const namespaceProblem = this._problemOf(target, 'namespace');
    const bucketProblem = this._problemOf(target, 'bucket');
    const prefixProblem = this._problemOf(target, 'prefix');
    const namespaceInvalid =
      Boolean(namespaceProblem) ||
      Boolean(blocked) || (check?.state === 'failed' && check.kind === 'forbidden');
    const bucketInvalid = Boolean(bucketProblem) || (check?.state === 'missing' && this.noCreate);
    const busy = status.tone === 'busy' || this._account.state === 'loading';
    // A namespace typed in the bucket field shows in the chooser once it reads as one.
    const shownNamespace = target.namespaceInBucketField && target.problems.bucket ? this.namespace : target.namespace;

    return html`<div part="base" class="base" aria-busy=${busy ? 'true' : 'false'}>
      <div class="destination-section">
        <div class="destination">
          <div class="field namespace-field">
            <label for="namespace">Namespace</label>
            <div class="select">
              <select
                id="namespace"
                ?disabled=${!shownNamespace && this._account.state !== 'ready'}
                part="namespace"
                aria-invalid=${namespaceInvalid ? 'true' : 'false'}
                aria-describedby="namespace-message status"
                @change=${this._chooseNamespace}
              >
                ${this._renderNamespaceOptions(shownNamespace)}
              </select>
              <span class="chevron" aria-hidden="true"></span>
            </div>
            ${this._renderNamespaceMessage(namespaceProblem)}
          </div>
          <div class="field bucket-field">
            <label for="bucket">Bucket</label>
            ${renderNameField({
              name: 'bucket',
              value: this.bucket,
              placeholder: 'my-dataset',
              invalid: bucketInvalid,
              describedBy: 'bucket-message status',
              problem: bucketProblem,
              hint: html`Or type <code>namespace/name</code> to set both.`,
              onInput: this._typeBucket,
              onChange: this._leaveBucket,
            })}
          </div>
        </div>
        ${this._renderStatus(status, link)}
      </div>

      <div class="field prefix-field">
        <label for="prefix">Folder in the bucket <span class="optional">(optional)</span></label>
        ${renderNameField({
          name: 'prefix',
          value: this.prefix,
          placeholder: 'imports/2024/',
          invalid: Boolean(prefixProblem),
          describedBy: 'prefix-message',
          problem: prefixProblem,
          hint: 'Leave empty to add the files at the top of the bucket.',
          onInput: this._typePrefix,
          onChange: this._leavePrefix,
        })}
      </div>

      <fieldset part="options">
        <legend>New bucket</legend>
        <label class="check">
          <input
            type="checkbox"
            part="create-toggle"
            .checked=${live(!this.noCreate)}
            @change=${(event: Event) => (this.noCreate = !(event.target as HTMLInputElement).checked)}
          />
          <span class="check-text">Create the bucket if it does not exist</span>
        </label>
        <label class="check">
          <input
            type="checkbox"
            part="private-toggle"
            .checked=${live(this.private)}
            aria-describedby="private-hint"
            @change=${(event: Event) => (this.private = (event.target as HTMLInputElement).checked)}
          />
          <span class="check-text">
            <span>Private</span>
            <span id="private-hint" class="check-hint">Only you, or the organization's members, can see it. An existing bucket keeps its visibility.</span>
          </span>
        </label>
      </fieldset>
    </div>`;
  }
}
