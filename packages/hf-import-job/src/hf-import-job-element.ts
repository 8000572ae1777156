import {
  DEFAULT_FLAVOR,
  DEFAULT_HUB_URL,
  DEFAULT_TIMEOUT_SECONDS,
  EMPTY_IMPORT_PROGRESS,
  HfApiError,
  IMPORT_GROUP_LABEL_KEY,
  IMPORT_ID_LABEL_KEY,
  buildImportJob,
  cancelJob,
  createBucket,
  createImportJob,
  estimateImport,
  estimateShardedImport,
  followJob,
  formatDuration,
  importJobSecretNames,
  isTerminalStage,
  listJobHardware,
  listJobs,
  summarizeImportResult,
  trackImportProgress,
  APP_LABEL_KEY,
  APP_LABEL_VALUE,
  type HfJob,
  type ImportEstimate,
  type ImportRecord,
  type ImportShard,
  type JobHardware,
  type S3Connection,
  type ShardThresholds,
} from '@s3-to-hf/core';
import { LitElement, html, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { HfImportJobCreatedEvent, HfImportJobFinishedEvent, HfImportJobStatusEvent, type HfImportJobEventDetail } from './events.js';
import { findImportGroup, groupOfRecord, type FoundImportGroup } from './find-import-group.js';
import { OUTCOME_VIEW, STAGE_LABELS, countFormat, followModel } from './follow-model.js';
import { FollowPool } from './follow-pool.js';
import { renderFollow } from './follow-view.js';
import { hardwareChoices, type HardwareChoice } from './hardware-choices.js';
import { hfImportJobStyles } from './hf-import-job.styles.js';
import {
  isRunActive,
  mayBeRunning,
  newShard,
  runResult,
  shardName,
  type FollowProblem,
  type ImportRun,
  type JobShard,
  type ShardLaunch,
} from './import-run.js';
import { fieldOfError, resolveLaunch, shardCommand, type FieldErrors, type LaunchInputs } from './launch-inputs.js';
import { ShardPlanCache, parseShardCount, splitOffer } from './split-offer.js';
import { splitModel, type SplitState } from './split-model.js';
import { startShardJobs } from './start-shard-jobs.js';
import { destinationBadges, estimateNote, launchNote, selectionText } from './summary-text.js';
import { renderSummary, type SummaryViewModel, type SummaryWarning } from './summary-view.js';
import { suggestTimeout, timeoutSeconds, type TimeoutUnit } from './timeout-input.js';
import type { ImportGroupRef, ImportJobField, ImportJobRef, ImportJobSelection, ImportJobTarget } from './types.js';
import { wait } from './wait.js';

type LaunchPhase = 'idle' | 'creating-bucket' | 'creating-job';

/** How the element calls the Hub. */
type HubCall = { accessToken: string; hubUrl: string; fetch?: typeof fetch };

type ResolvedLaunch = NonNullable<ReturnType<typeof resolveLaunch>['launch']>;

// Lines reach the DOM in batches: one render per batch, not one per line of a fast log.
const LINE_FLUSH_MS = 60;
const SCROLL_SLACK_PX = 24;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function followProblem(error: unknown, what: string, namespace: string, several = false): FollowProblem {
  if (error instanceof HfApiError && error.kind === 'unauthorized') {
    return {
      kind: 'expired',
      message: several
        ? 'Hugging Face no longer accepts this sign-in (it has probably expired), so this page stopped following the import. ' +
          'Its Jobs keep running on Hugging Face. Sign in again, then follow them again.'
        : 'Hugging Face no longer accepts this sign-in (it has probably expired), so this page stopped following the Job. ' +
          'The Job keeps running on Hugging Face. Sign in again, then follow it again.',
    };
  }
  if (error instanceof HfApiError && error.kind === 'forbidden') return { kind: 'forbidden', message: error.message };
  if (error instanceof HfApiError && error.kind === 'not-found') {
    return {
      kind: 'missing',
      message: `There is no ${what} in ${namespace} that this token can see: it may have been deleted, or it belongs to another account or organization.`,
    };
  }
  return { kind: 'other', message: messageOf(error) };
}

/**
 * Launches and follows the Hugging Face Job that imports an S3 selection into a Storage Bucket.
 * Before launch it summarizes the import (source, destination, size, the exact command, where the
 * credentials go), recommends hardware with estimated duration and cost, and takes the Job's
 * options; a selection past the limits of one Job (`max-bytes-per-shard`, `max-files-per-shard`)
 * is offered as several Jobs over disjoint parts of the tree, run side by side. After launch it
 * follows the import: stage, combined progress, one status line and log per Job, Retry of a
 * failed Job, cancel, result.
 *
 * Credentials (`connection.credentials`, `accessToken`) are properties only: never reflected,
 * rendered or logged; they leave the browser only as Job secrets.
 *
 * @summary Launch and follow the Job (or Jobs) that import an S3 selection into a Hugging Face bucket.
 * @tagname hf-import-job
 *
 * @fires {HfImportJobCreatedEvent} hf-import-job-created - The import was started: its Job created (or found again when a retried launch had created it); a sharded import once for all its Jobs (`jobs`), and once per retried shard (`shard`). `detail: { jobId, namespace, stage, importId, importGroup?, shard?, jobs? }`.
 * @fires {HfImportJobStatusEvent} hf-import-job-status - A followed Job changed stage (also once when `attach()` first reads it). `detail: { jobId, namespace, stage, importId?, importGroup?, shard? }`.
 * @fires {HfImportJobFinishedEvent} hf-import-job-finished - The import ended (all its Jobs) and the logs were read to the end; once per import, again after a retried shard ends. `detail: { jobId, namespace, stage, importId?, importGroup?, jobs?, outcome, reason }`.
 *
 * @csspart base - The card around everything.
 * @csspart summary - Source, destination, selection and command, before launch.
 * @csspart command - The `hf buckets import` command and where the secrets go.
 * @csspart split - The offer to split a large selection into several Jobs, and their plan.
 * @csspart hardware - The hardware section.
 * @csspart estimate - The table of flavors with price, estimated duration and cost.
 * @csspart options - Timeout, workers, skip existing, dry run.
 * @csspart warnings - Warnings about the timeout and the token's lifetime.
 * @csspart launch - The launch button, its progress and its errors.
 * @csspart status - Stage, elapsed time, Job link and Cancel, after launch.
 * @csspart progress - The progress bar and counts (of all Jobs together).
 * @csspart shards - A sharded import's Jobs: one status line each, with Log and Retry shard.
 * @csspart logs - The live log (of the chosen Job) with Copy and Download.
 * @csspart result - How the import ended, with the reason.
 *
 * @cssproperty [--hf-import-job-background=var(--s3hf-color-surface)] - Background of the card.
 * @cssproperty [--hf-import-job-gap=1rem] - Spacing inside the card.
 * @cssproperty [--hf-import-job-log-background=var(--s3hf-color-background)] - Background of the log.
 * @cssproperty [--hf-import-job-log-height=20rem] - Height of the log panel.
 * @cssproperty [--hf-import-job-progress-color=var(--s3hf-color-accent)] - Fill of the progress bar.
 */
export class HfImportJobElement extends LitElement {
  static override styles = hfImportJobStyles;

  /** Registers the element under `tag` unless that tag is already taken. */
  static define(tag = 'hf-import-job', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this);
  }

  #hardwareAbort?: AbortController;
  #followAbort?: AbortController;
  #pool?: FollowPool<JobShard>;
  #ticker?: ReturnType<typeof setInterval>;
  #flushTimer?: ReturnType<typeof setTimeout>;
  #pendingLines = new Map<JobShard, string[]>();
  /** The ids of the last failed launch, reused when the same import is launched again. */
  #retry?: { fingerprint: string; importId: string; importGroup?: string; importIds?: string[] };
  /** Where the log panel was last scrolled to automatically. */
  #autoScrolledTo?: number;
  /** Hub and token the hardware list was (or is being) loaded for. */
  #hardwareFor?: string;
  #plans = new ShardPlanCache();

  @query('.log') private logPanel?: HTMLElement;
  @query('dialog') private cancelDialog?: HTMLDialogElement;

  @state() private flavorChoice?: string;
  @state() private timeoutValue = String(DEFAULT_TIMEOUT_SECONDS / 60);
  @state() private timeoutUnit: TimeoutUnit = 'minutes';
  @state() private workersText = '';
  @state() private dryRun = false;
  @state() private skipExisting = false;
  /** The split checkbox as the user left it; undefined: on whenever a split is offered. */
  @state() private splitChoice?: boolean;
  /** The number of Jobs as typed; undefined: the page's `shards`, else the recommendation. */
  @state() private shardCountText?: string;
  @state() private commandShard = 1;
  @state() private logShard = 1;
  @state() private hardware?: JobHardware[];
  @state() private hardwareProblem?: string;
  @state() private errors: FieldErrors = {};
  @state() private launchPhase: LaunchPhase = 'idle';
  @state() private launchProgress?: string;
  @state() private run?: ImportRun;
  @state() private canceling = false;
  @state() private cancelProblem?: string;
  @state() private followsTail = true;
  @state() private logCopyStatus?: string;
  @state() private commandCopyStatus?: string;
  @state() private announcement = '';
  @state() private now = Date.now();

  /** The selection of `<s3-tree>` (its `selection` property); its `tree` is what a split is planned on. */
  @property({ attribute: false }) selection?: ImportJobSelection;

  /** The S3 source, with credentials unless `anonymous`. Property only. */
  @property({ attribute: false }) connection?: S3Connection;

  /** The destination of `<hf-bucket-target>` (its `value` property). */
  @property({ attribute: false }) target?: ImportJobTarget;

  /** Hugging Face token the Job is created with and writes with (sent as the `HF_TOKEN` secret). Property only. */
  @property({ attribute: false }) accessToken?: string;

  /** When `accessToken` expires (OAuth sign-ins do); a warning shows when the import may outlast it. */
  @property({ attribute: false }) tokenExpiresAt?: Date;

  /** The Hub to talk to. */
  @property({ attribute: 'hub-url' }) hubUrl = DEFAULT_HUB_URL;

  /** Replaces the global fetch for Hub calls. */
  @property({ attribute: false }) fetch?: typeof fetch;

  /** Namespace that runs (and pays for) the Job; default: the destination's namespace. */
  @property({ attribute: 'job-namespace' }) jobNamespace?: string;

  /** Sustained import throughput per flavor in bytes per second, merged over core's DEFAULT_IMPORT_THROUGHPUT. */
  @property({ attribute: false }) throughput?: Record<string, number>;

  /** Seconds from submission until the import starts (default: core's DEFAULT_STARTUP_SECONDS). */
  @property({ attribute: 'startup-seconds', type: Number }) startupSeconds?: number;

  /** Most bytes one Job should import before a split is offered (default: core's DEFAULT_MAX_BYTES_PER_SHARD, 500 GB). */
  @property({ attribute: 'max-bytes-per-shard', type: Number }) maxBytesPerShard?: number;

  /** Most files one Job should import before a split is offered (default: core's DEFAULT_MAX_FILES_PER_SHARD, 1,000,000). */
  @property({ attribute: 'max-files-per-shard', type: Number }) maxFilesPerShard?: number;

  /**
   * Number of Jobs to split the import into, instead of the recommendation (the user can still
   * change it); 1 offers no split. A selection of typed patterns cannot be split: the summary says so.
   */
  @property({ attribute: 'shards', type: Number }) shards?: number;

  /** Jobs of a sharded import whose logs stream at the same time; the others wait their turn (their stage is still polled). */
  @property({ attribute: 'max-followed-jobs', type: Number }) maxFollowedJobs = 4;

  /** How often the Job's stage is re-read while its log streams, in milliseconds. */
  @property({ attribute: 'poll-interval', type: Number }) pollInterval = 5000;

  /** Log lines kept in the DOM (the latest ones); Copy and Download always give the whole log. */
  @property({ attribute: 'max-log-lines', type: Number }) maxLogLines = 1000;

  /** Every log line of the followed import so far: of all its Jobs, Job after Job (the panel shows one Job's at a time). */
  get logLines(): readonly string[] {
    return this.run?.shards.flatMap((shard) => [...shard.lines, ...(this.#pendingLines.get(shard) ?? [])]) ?? [];
  }

  /** The `import-id` of the followed import, if known (a sharded import has one per Job: see `jobs`). */
  get importId(): string | undefined {
    return this.run?.importId;
  }

  /** The `import-group` of the followed import when it is sharded. */
  get importGroup(): string | undefined {
    return this.run?.importGroup;
  }

  /** The Jobs being followed: one, or the newest Job of each shard that started. */
  get jobs(): readonly ImportJobRef[] {
    return this.run?.shards.filter((shard) => !shard.notStarted).map((shard) => ({ ...shard.ref })) ?? [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the document after a move: pick up where disconnecting stopped.
    if (this.hasUpdated) {
      if (!this.hardware) this.#loadHardware();
      if (this.run && isRunActive(this.run)) this.#followRun(this.run, { retryProblems: false });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#hardwareAbort?.abort();
    this.#hardwareAbort = undefined;
    this.#hardwareFor = undefined;
    this.#followAbort?.abort();
    this.#followAbort = undefined;
    this.#flushLines();
    this.#stopTicker();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // An error is about the input it names; a new value of that input clears it.
    const clears: Array<[keyof HfImportJobElement, ImportJobField[]]> = [
      ['selection', ['selection', 'shards']],
      ['connection', ['source']],
      ['target', ['target']],
      ['accessToken', ['token', 'launch']],
      ['shards', ['shards']],
    ];
    const cleared = clears.filter(([name]) => changed.has(name)).flatMap(([, fields]) => fields);
    if (cleared.some((field) => this.errors[field])) {
      this.errors = Object.fromEntries(Object.entries(this.errors).filter(([field]) => !cleared.includes(field as ImportJobField)));
    }
    // A page asking for another number of Jobs replaces what was typed.
    if (changed.has('shards') && this.hasUpdated) this.shardCountText = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('fetch')) this.#hardwareFor = undefined;
    if (changed.has('accessToken') || changed.has('hubUrl') || changed.has('fetch')) this.#loadHardware();
    if (isRunActive(this.run)) this.#startTicker();
    else this.#stopTicker();
    this.#scrollLogTail();
  }

  /**
   * Keeps the log at its tail while following it. A user who scrolled up since the last automatic
   * scroll stops the following even before the scroll event arrives (lines may land in between).
   */
  #scrollLogTail(): void {
    const panel = this.logPanel;
    if (!panel || !this.followsTail) return;
    if (this.#autoScrolledTo !== undefined && panel.scrollTop < this.#autoScrolledTo - SCROLL_SLACK_PX) {
      this.followsTail = false;
      return;
    }
    panel.scrollTop = panel.scrollHeight;
    this.#autoScrolledTo = panel.scrollTop;
  }

  #call(): HubCall {
    return { accessToken: this.accessToken as string, hubUrl: this.hubUrl, fetch: this.fetch };
  }

  // ——— hardware ———

  #loadHardware(): void {
    const key = this.accessToken && this.isConnected ? `${this.hubUrl}\n${this.accessToken}` : undefined;
    if (key !== undefined && key === this.#hardwareFor) return;
    this.#hardwareAbort?.abort();
    this.#hardwareAbort = undefined;
    this.#hardwareFor = key;
    this.hardwareProblem = undefined;
    if (!key || !this.accessToken) return;
    const controller = new AbortController();
    this.#hardwareAbort = controller;
    this.hardware = undefined;
    listJobHardware({ ...this.#call(), signal: controller.signal }).then(
      (hardware) => {
        if (controller.signal.aborted) return;
        this.hardware = hardware;
        this.#hardwareAbort = undefined;
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        this.hardwareProblem = `${messageOf(error)} The Job can still start on ${this.#chosenFlavor(undefined)}.`;
        this.#hardwareAbort = undefined;
      },
    );
  }

  #retryHardware = (): void => {
    this.#hardwareFor = undefined;
    this.#loadHardware();
  };

  // ——— split ———

  #thresholds(): ShardThresholds {
    return {
      ...(this.maxBytesPerShard === undefined ? {} : { maxBytesPerShard: this.maxBytesPerShard }),
      ...(this.maxFilesPerShard === undefined ? {} : { maxFilesPerShard: this.maxFilesPerShard }),
    };
  }

  /** How the import splits: from the selection, the page's limits and `shards`, and what the user chose. */
  #split(): SplitState {
    const thresholds = this.#thresholds();
    const offer = splitOffer(this.selection, thresholds, this.shards);
    if (offer.kind !== 'available') return { offer, on: false, countText: '1', count: 1 };
    const asked = this.shards !== undefined && this.shards > 1 ? Math.min(Math.round(this.shards), offer.max) : undefined;
    const countText = this.shardCountText ?? String(asked ?? offer.recommended);
    const on = this.splitChoice ?? true;
    if (!on) return { offer, on, countText, count: 1 };
    const count = parseShardCount(countText, offer.max);
    if (count === undefined) {
      return { offer, on, countText, count: undefined, error: `Enter a whole number of Jobs from 1 to ${countFormat.format(offer.max)}, or untick “Split” to run one Job.` };
    }
    if (count === 1) return { offer, on, countText, count: 1 };
    try {
      const shards = this.#plans.plan(this.selection?.tree as NonNullable<ImportJobSelection['tree']>, count, thresholds);
      return { offer, on, countText, count: shards.length, ...(shards.length > 1 ? { shards } : {}) };
    } catch (error) {
      return { offer, on, countText, count: undefined, planProblem: `This selection cannot be split: ${messageOf(error)}` };
    }
  }

  // ——— estimate ———

  #timeoutSeconds(): number | undefined {
    return timeoutSeconds(this.timeoutValue, this.timeoutUnit);
  }

  #knownSize(): { files: number; bytes: number } | undefined {
    const stats = this.selection?.mode === 'tree' ? this.selection.stats : undefined;
    if (!this.selection?.filters || !stats || stats.uncountedFolders > 0) return undefined;
    return { files: stats.files, bytes: stats.bytes };
  }

  /** Duration and cost per flavor: of the one Job, or of the split's Jobs side by side (the slowest one's time, all their costs). */
  #estimate(split = this.#split()): ImportEstimate | undefined {
    const size = this.#knownSize();
    if (!size || !this.hardware) return undefined;
    const offered = hardwareChoices(this.hardware, undefined, this.throughput);
    const options = {
      hardware: this.hardware.filter((flavor) => offered.some((choice) => choice.name === flavor.name)),
      ...(this.throughput ? { throughput: this.throughput } : {}),
      ...(this.startupSeconds === undefined ? {} : { startupSeconds: this.startupSeconds }),
      timeoutSeconds: this.#timeoutSeconds() ?? DEFAULT_TIMEOUT_SECONDS,
    };
    return split.shards ? estimateShardedImport(split.shards, options) : estimateImport(size, options);
  }

  #chosenFlavor(estimate: ImportEstimate | undefined): string {
    return this.flavorChoice ?? estimate?.recommended?.flavor ?? DEFAULT_FLAVOR;
  }

  // ——— launch ———

  #launchInputs(flavor: string): LaunchInputs {
    return {
      selection: this.selection,
      connection: this.connection,
      target: this.target,
      accessToken: this.accessToken,
      jobNamespace: this.jobNamespace,
      flavor,
      timeoutSeconds: this.#timeoutSeconds(),
      workers: this.workersText,
      dryRun: this.dryRun,
      skipExisting: this.skipExisting,
    };
  }

  #warnBeforeUnload = (event: BeforeUnloadEvent): void => {
    // Leaving now could lose the answer to "was the Job created?".
    event.preventDefault();
    event.returnValue = '';
  };

  /**
   * Checks the inputs, creates the destination bucket when it is missing, and starts the import
   * Job (one per shard when split), then follows it. Problems are shown at the field they
   * concern; the promise then resolves with undefined. A launch while an import is running here
   * is refused.
   *
   * @returns the started Job (the first one of a sharded import; `jobs` lists them all), or
   *   undefined when nothing could be started.
   */
  async launch(): Promise<ImportJobRef | undefined> {
    if (this.launchPhase !== 'idle') {
      this.errors = { launch: 'This import is already being started; wait a moment.' };
      return undefined;
    }
    if (isRunActive(this.run)) {
      this.errors = { launch: 'An import is already running here. Wait for it to finish, or cancel it, before starting another one.' };
      return undefined;
    }
    const split = this.#split();
    const flavor = this.#chosenFlavor(this.#estimate(split));
    const { launch, errors } = resolveLaunch(this.#launchInputs(flavor));
    const splitProblem = split.error ?? split.planProblem;
    if (splitProblem && !errors.shards) errors.shards = splitProblem;
    this.errors = errors;
    if (!launch || splitProblem) {
      const count = Object.keys(errors).length;
      this.announcement = `The import cannot start yet: ${count} ${count === 1 ? 'problem needs' : 'problems need'} fixing.`;
      await this.updateComplete;
      this.#focusFirstError();
      return undefined;
    }
    const target = this.target as ImportJobTarget;
    const namespace = launch.options.jobNamespace ?? target.namespace;
    // Not aborted on disconnect: an interrupted create would leave it unknown whether the Job exists.
    const call = this.#call();
    window.addEventListener('beforeunload', this.#warnBeforeUnload);
    try {
      if (split.shards) return await this.#launchShards(launch, split.shards, namespace, call);
      return await this.#launchOne(launch, namespace, call);
    } finally {
      window.removeEventListener('beforeunload', this.#warnBeforeUnload);
      this.launchPhase = 'idle';
      this.launchProgress = undefined;
    }
  }

  async #ensureBucket(call: HubCall): Promise<void> {
    const target = this.target as ImportJobTarget;
    if (target.createIfMissing && target.exists !== true) {
      this.launchPhase = 'creating-bucket';
      this.announcement = `Creating the bucket ${target.namespace}/${target.bucket}…`;
      await createBucket({ ...call, namespace: target.namespace, name: target.bucket, private: target.private });
    }
  }

  #runBasics(launch: ResolvedLaunch): Pick<ImportRun, 'sourceUri' | 'destinationUri' | 'bucket'> {
    const target = this.target as ImportJobTarget;
    return { sourceUri: launch.sourceUri, destinationUri: launch.destinationUri, bucket: { namespace: target.namespace, name: target.bucket } };
  }

  async #launchOne(launch: ResolvedLaunch, namespace: string, call: HubCall) {
    // A retry of a launch that failed half-way keeps its id, so a Job it did create is found, not doubled.
    const importId = this.#retry?.fingerprint === launch.fingerprint ? this.#retry.importId : crypto.randomUUID();
    this.#retry = { fingerprint: launch.fingerprint, importId };
    let failingField: ImportJobField = 'target';
    let created: Awaited<ReturnType<typeof createImportJob>>;
    try {
      await this.#ensureBucket(call);
      failingField = 'launch';
      this.launchPhase = 'creating-job';
      this.announcement = 'Starting the Job on Hugging Face…';
      created = await createImportJob({ ...call, ...launch.options, importId });
    } catch (error) {
      const field = error instanceof HfApiError ? failingField : fieldOfError(error);
      this.errors = { [field]: messageOf(error) };
      this.announcement = 'The import did not start.';
      return undefined;
    }
    this.#retry = undefined;
    const { job } = created;
    const ref: ImportJobRef = { namespace, jobId: job.id, importId: created.importId };
    const shard = newShard(ref, job);
    shard.announcedStage = job.status.stage;
    this.#showRun({ importId: created.importId, shards: [shard], ...this.#runBasics(launch) });
    this.announcement = `Import Job ${job.id} ${created.created ? 'started' : 'found'}: ${STAGE_LABELS[job.status.stage] ?? job.status.stage}.`;
    this.dispatchEvent(new HfImportJobCreatedEvent({ jobId: job.id, namespace, stage: job.status.stage, importId: created.importId }));
    if (this.isConnected && this.run) this.#followRun(this.run, { retryProblems: true });
    return ref;
  }

  /**
   * Starts one Job per shard, all in one import group. Every shard's Job is built first, so that a
   * shard too large for a Job stops the launch before anything runs. Shards whose Job could not be
   * created are shown as not started, with Retry shard.
   */
  async #launchShards(
    launch: ResolvedLaunch,
    shards: ImportShard[],
    namespace: string,
    call: HubCall,
  ): Promise<ImportJobRef | undefined> {
    const count = shards.length;
    const fingerprint = JSON.stringify([launch.fingerprint, shards.map((shard) => shard.filters)]);
    const reuse = this.#retry?.fingerprint === fingerprint ? this.#retry : undefined;
    const importGroup = reuse?.importGroup ?? crypto.randomUUID();
    const importIds = reuse?.importIds ?? shards.map(() => crypto.randomUUID());
    this.#retry = { fingerprint, importId: importIds[0], importGroup, importIds };
    const launches: ShardLaunch[] = shards.map((shard, index) => ({ ...launch.options, filters: shard.filters, importGroup, shard: { index: index + 1, count } }));

    this.launchPhase = 'creating-job';
    this.launchProgress = `Preparing ${count} Jobs…`;
    for (const [index, options] of launches.entries()) {
      try {
        await buildImportJob({ ...options, hfToken: call.accessToken, importId: importIds[index] });
      } catch (error) {
        this.errors = { [fieldOfError(error) === 'selection' ? 'shards' : fieldOfError(error)]: `Job ${index + 1} of ${count}: ${messageOf(error)}` };
        this.announcement = 'The import did not start.';
        return undefined;
      }
    }
    try {
      await this.#ensureBucket(call);
    } catch (error) {
      this.errors = { target: messageOf(error) };
      this.announcement = 'The import did not start.';
      return undefined;
    }
    this.launchPhase = 'creating-job';
    this.launchProgress = `Starting ${count} Jobs on Hugging Face…`;
    this.announcement = this.launchProgress;
    const starts = await startShardJobs(launches, importIds, call, (done) => (this.launchProgress = `Started ${done} of ${count} Jobs…`));
    const started = starts.filter((start) => 'created' in start).length;
    if (started === 0) {
      const first = starts[0] as { error: unknown };
      const field = first.error instanceof HfApiError ? 'launch' : fieldOfError(first.error);
      this.errors = { [field]: `None of the ${count} Jobs started. ${messageOf(first.error)}` };
      this.announcement = 'The import did not start.';
      return undefined;
    }
    this.#retry = undefined;
    const runShards = starts.map((start, index) => {
      const position = { index: index + 1, count };
      const extra = { planned: { files: shards[index].files, bytes: shards[index].bytes }, relaunch: launches[index] };
      if ('created' in start) {
        const { job, importId } = start.created;
        const shard = newShard({ namespace, jobId: job.id, importId, importGroup, shard: position }, job, extra);
        shard.announcedStage = job.status.stage;
        return shard;
      }
      return newShard({ namespace, jobId: '', importId: importIds[index], importGroup, shard: position }, undefined, {
        ...extra,
        notStarted: true,
        stage: 'NOT_STARTED',
        retryImportId: importIds[index],
        result: { outcome: 'failed', reason: `${messageOf(start.error)} Use “Retry shard” to start this Job.` },
      });
    });
    this.#showRun({ importGroup, shards: runShards, ...this.#runBasics(launch) });
    const refs = this.jobs.map((ref) => ({ ...ref }));
    const first = runShards.find((shard) => !shard.notStarted) as JobShard;
    this.announcement = `Import started as ${started} of ${count} Jobs${started < count ? `; ${count - started} could not be started` : ''}.`;
    this.dispatchEvent(
      new HfImportJobCreatedEvent({ ...this.#eventDetail(first), jobs: refs }),
    );
    if (this.isConnected && this.run) this.#followRun(this.run, { retryProblems: true });
    return { ...first.ref };
  }

  #showRun(run: ImportRun): void {
    this.#followAbort?.abort();
    this.#followAbort = undefined;
    this.#resetLogView();
    this.logShard = 1;
    this.cancelProblem = undefined;
    this.run = run;
  }

  /** Moves focus to the first invalid control of this element; errors about the page's inputs are announced instead. */
  #focusFirstError(): void {
    const own: Partial<Record<ImportJobField, string>> = { shards: '#shard-count', timeout: '#timeout', workers: '#workers' };
    const field = (Object.keys(this.errors) as ImportJobField[]).find((name) => own[name]);
    if (field) this.renderRoot.querySelector<HTMLElement>(own[field] as string)?.focus();
  }

  // ——— retry a shard ———

  /** Starts a failed, canceled or never started shard again: a new Job with the same group and shard label. */
  async #retryShard(index: number): Promise<void> {
    const run = this.run;
    const shard = run?.shards[index - 1];
    if (!run || !shard?.relaunch || !shard.result || shard.result.outcome === 'completed' || shard.retrying) return;
    if (!this.accessToken) {
      shard.retryProblem = 'Sign in with Hugging Face again to start this Job.';
      this.requestUpdate();
      return;
    }
    // A failed attempt keeps its id: if it did create the Job, the next one finds it instead of starting another.
    const importId = shard.retryImportId ?? crypto.randomUUID();
    shard.retryImportId = importId;
    shard.retrying = true;
    shard.retryProblem = undefined;
    this.requestUpdate();
    let created: Awaited<ReturnType<typeof createImportJob>>;
    try {
      created = await createImportJob({ ...this.#call(), ...shard.relaunch, importId });
    } catch (error) {
      shard.retryProblem = `${messageOf(error)} ${shardName(shard)} did not start again; try again.`;
      this.announcement = shard.retryProblem;
      return;
    } finally {
      shard.retrying = false;
      this.requestUpdate();
    }
    if (this.run !== run) return;
    const { job } = created;
    this.#pendingLines.delete(shard);
    Object.assign(shard, {
      ref: { ...shard.ref, jobId: job.id, importId: created.importId },
      job,
      stage: job.status.stage,
      announcedStage: job.status.stage,
      lines: [],
      progress: EMPTY_IMPORT_PROGRESS,
      attempts: shard.notStarted ? shard.attempts : shard.attempts + 1,
      result: undefined,
      problem: undefined,
      logProblem: undefined,
      connectionProblem: undefined,
      notStarted: false,
      retryImportId: undefined,
    } satisfies Partial<JobShard>);
    run.finishAnnounced = false;
    this.cancelProblem = undefined;
    if (this.logShard === index) this.#resetLogView();
    this.announcement = `${shardName(shard)} started again: Job ${job.id}.`;
    this.dispatchEvent(new HfImportJobCreatedEvent(this.#eventDetail(shard)));
    if (this.#pool?.active) this.#pool.add(shard);
    else if (this.isConnected) this.#followRun(run, { retryProblems: false });
    this.requestUpdate();
  }

  // ——— follow ———

  /**
   * Follows an existing import, e.g. after a reload (found by its labels) or after a new sign-in
   * when following stopped on an expired token: one Job (`{ namespace, jobId }`), or a sharded
   * import (`{ namespace, importGroup }`, or a record from core's `listImports`). Replaces what the
   * element showed.
   */
  async attach(target: ImportJobRef | ImportGroupRef | ImportRecord): Promise<void> {
    if ('jobs' in target && Array.isArray(target.jobs)) return this.#attachRecord(target);
    if ('importGroup' in target && target.importGroup && !('jobId' in target && target.jobId)) {
      const { namespace, importGroup } = target;
      if (!namespace) throw new TypeError('attach() needs the namespace that runs the Jobs, e.g. { namespace: "alice", importGroup }.');
      return this.#attachGroup(namespace, importGroup);
    }
    const { namespace, jobId } = target as ImportJobRef;
    if (!namespace || !jobId) throw new TypeError('attach() needs the namespace that runs the Job and its id, e.g. { namespace: "alice", jobId }.');
    const same = this.run?.shards.find((shard) => shard.ref.namespace === namespace && shard.ref.jobId === jobId);
    if (this.run && same && !this.run.importGroup) {
      this.#followRun(this.run, { retryProblems: true });
      return;
    }
    this.errors = {};
    this.#showRun({ shards: [newShard({ namespace, jobId })] });
    this.#followRun(this.run as ImportRun, { retryProblems: true });
    await this.updateComplete;
  }

  async #attachRecord(record: ImportRecord): Promise<void> {
    const first = record.jobs[0];
    const namespace = first?.owner?.name;
    if (!first || !namespace) throw new TypeError('attach() needs an import record with at least one Job and its owner, as listImports gives them.');
    if (record.shardCount <= 1 && !first.labels?.[IMPORT_GROUP_LABEL_KEY]) return this.attach({ namespace, jobId: first.id });
    return this.#attachGroup(namespace, record.id, groupOfRecord(record));
  }

  async #attachGroup(namespace: string, importGroup: string, found?: FoundImportGroup): Promise<void> {
    if (this.run?.importGroup === importGroup && this.run.shards.length > 0) {
      this.#followRun(this.run, { retryProblems: true });
      return;
    }
    this.errors = {};
    const run: ImportRun = { importGroup, shards: [], lookup: { namespace, importGroup } };
    this.#showRun(run);
    if (!found) {
      try {
        if (!this.accessToken) throw new HfApiError({ kind: 'unauthorized', message: 'Not signed in.', url: this.hubUrl });
        found = await findImportGroup({ ...this.#call(), namespace, importGroup });
      } catch (error) {
        if (this.run === run) run.lookupProblem = followProblem(error, `import group ${importGroup}`, namespace, true);
        this.requestUpdate();
        await this.updateComplete;
        return;
      }
      if (this.run !== run) return;
      if (!found) {
        run.lookupProblem = {
          kind: 'missing',
          message: `There is no import with group id ${importGroup} in ${namespace} that this token can see: its Jobs may have been deleted, or they run in another account or organization.`,
        };
        this.requestUpdate();
        await this.updateComplete;
        return;
      }
    }
    const group = found;
    run.shards = Array.from({ length: group.count }, (_, offset) => {
      const position = { index: offset + 1, count: group.count };
      const job = group.jobs.get(position.index);
      if (!job) {
        return newShard({ namespace, jobId: '', importGroup, shard: position }, undefined, {
          notStarted: true,
          stage: 'NOT_STARTED',
          result: { outcome: 'failed', reason: `${shardName({ position } as JobShard)} was never started, so its files were not imported.` },
        });
      }
      return newShard({ namespace, jobId: job.id, ...(job.labels?.[IMPORT_ID_LABEL_KEY] ? { importId: job.labels[IMPORT_ID_LABEL_KEY] } : {}), importGroup, shard: position }, job);
    });
    run.lookup = undefined;
    for (const shard of run.shards) if (shard.job) this.#recordJob(run, shard, shard.job);
    this.#followRun(run, { retryProblems: true });
    this.#finishRunIfDone(run);
    await this.updateComplete;
  }

  #followRun(run: ImportRun, { retryProblems }: { retryProblems: boolean }): void {
    if (run.shards.length === 0 && run.lookup) {
      // Following again what could not be looked up: look it up again.
      void this.#attachGroup(run.lookup.namespace, run.lookup.importGroup);
      return;
    }
    this.#followAbort?.abort();
    const controller = new AbortController();
    this.#followAbort = controller;
    const pool = new FollowPool<JobShard>(Math.max(1, Math.floor(this.maxFollowedJobs) || 1), (shard) => this.#followShard(run, shard, controller.signal), controller.signal);
    this.#pool = pool;
    for (const shard of run.shards) {
      if (shard.result || shard.notStarted || (shard.problem && !retryProblems)) continue;
      shard.problem = undefined;
      pool.add(shard);
    }
    if (run.importGroup && run.shards.length > Math.max(1, this.maxFollowedJobs)) void this.#pollWaitingShards(run, pool, controller.signal);
  }

  /** The stage of the Jobs waiting their turn to be followed, one listing of the group at a time. */
  async #pollWaitingShards(run: ImportRun, pool: FollowPool<JobShard>, signal: AbortSignal): Promise<void> {
    const namespace = run.shards.find((shard) => !shard.notStarted)?.ref.namespace;
    while (namespace && !signal.aborted && isRunActive(run)) {
      try {
        await wait(this.pollInterval, signal);
        if (!this.accessToken) return;
        const jobs = await listJobs({ ...this.#call(), signal, namespace, labels: { [APP_LABEL_KEY]: APP_LABEL_VALUE, [IMPORT_GROUP_LABEL_KEY]: run.importGroup as string } });
        for (const job of jobs) {
          const shard = run.shards.find((candidate) => candidate.ref.jobId === job.id);
          if (shard && !shard.result && !pool.isFollowing(shard)) this.#recordJob(run, shard, job);
        }
      } catch (error) {
        if (signal.aborted) return;
        // The waiting shards get their stage when they are followed; a failing listing is not worth a notice.
        if (!(error instanceof HfApiError)) throw error;
      }
    }
  }

  async #followShard(run: ImportRun, shard: JobShard, signal: AbortSignal): Promise<void> {
    this.#flushLines();
    shard.problem = undefined;
    shard.logProblem = undefined;
    this.requestUpdate();
    if (!this.accessToken) {
      shard.problem = {
        kind: 'expired',
        message: run.importGroup ? 'Sign in with Hugging Face to follow this import; its Jobs keep running meanwhile.' : 'Sign in with Hugging Face to follow this Job; it keeps running meanwhile.',
      };
      this.requestUpdate();
      return;
    }
    const jobId = shard.ref.jobId;
    try {
      const job = await followJob({
        ...this.#call(),
        signal,
        namespace: shard.ref.namespace,
        jobId,
        pollIntervalMs: this.pollInterval,
        skipLines: shard.lines.length,
        onJob: (job) => this.#recordJob(run, shard, job),
        onLine: ({ line }) => this.#queueLine(shard, line),
        onLogError: (error) => {
          shard.logProblem = `${error.message} The stage is still followed, but the log and the progress may be incomplete; use “Follow again” later.`;
          this.requestUpdate();
        },
        onPollError: (error) => {
          shard.connectionProblem = error.message;
          this.requestUpdate();
        },
      });
      if (signal.aborted || shard.ref.jobId !== jobId) return;
      this.#flushLines();
      this.#recordJob(run, shard, job);
      this.#finishShard(run, shard, job);
    } catch (error) {
      if (signal.aborted || shard.ref.jobId !== jobId) return;
      this.#flushLines();
      shard.problem = followProblem(error, `Job ${jobId}`, shard.ref.namespace, Boolean(run.importGroup));
      this.announcement = shard.problem.message;
      this.requestUpdate();
    }
  }

  #eventDetail(shard: JobShard): HfImportJobEventDetail {
    return {
      jobId: shard.ref.jobId,
      namespace: shard.ref.namespace,
      stage: shard.stage,
      ...(shard.ref.importId ? { importId: shard.ref.importId } : {}),
      ...(shard.ref.importGroup ? { importGroup: shard.ref.importGroup } : {}),
      ...(shard.position ? { shard: { ...shard.position } } : {}),
    };
  }

  #recordJob(run: ImportRun, shard: JobShard, job: HfJob): void {
    if (job.id !== shard.ref.jobId) return;
    shard.job = job;
    shard.connectionProblem = undefined;
    const importId = job.labels?.[IMPORT_ID_LABEL_KEY];
    if (importId && !shard.ref.importId) shard.ref = { ...shard.ref, importId };
    if (importId && !run.importId && !run.importGroup) run.importId = importId;
    shard.stage = job.status.stage;
    if (shard.announcedStage !== shard.stage) {
      shard.announcedStage = shard.stage;
      if (!isTerminalStage(shard.stage)) {
        this.announcement = `${run.importGroup ? shardName(shard) : 'Import Job'} ${STAGE_LABELS[shard.stage] ?? shard.stage}.`;
      }
      this.dispatchEvent(new HfImportJobStatusEvent(this.#eventDetail(shard)));
    }
    this.requestUpdate();
  }

  #finishShard(run: ImportRun, shard: JobShard, job: HfJob): void {
    const summary = summarizeImportResult(job.status, shard.progress.completedLine);
    const lastError = summary.outcome === 'failed' ? shard.progress.lastError : undefined;
    shard.result = { ...summary, ...(lastError ? { lastError } : {}) };
    if (run.importGroup) this.announcement = `${shardName(shard)}: ${OUTCOME_VIEW[summary.outcome].short.toLowerCase()}.`;
    this.#finishRunIfDone(run);
    this.requestUpdate();
  }

  /** Once every Job has ended: one finished event for the whole import, with the combined outcome. */
  #finishRunIfDone(run: ImportRun): void {
    if (run.finishAnnounced || run.shards.length === 0 || isRunActive(run)) return;
    const result = runResult(run);
    if (!result) return;
    run.finishAnnounced = true;
    const { worst } = result;
    const reason = run.importGroup || !result.lastError ? result.reason : `${result.reason} Last error in the log: ${result.lastError}`;
    this.announcement = `${OUTCOME_VIEW[result.outcome].title}. ${result.reason}`;
    // "Already running" no longer holds.
    if (this.errors.launch) this.errors = {};
    const lead = run.shards.find((shard) => !shard.notStarted) ?? worst;
    this.dispatchEvent(
      new HfImportJobFinishedEvent({
        ...this.#eventDetail(lead),
        stage: worst.stage,
        ...(run.importGroup ? { jobs: this.jobs.map((ref) => ({ ...ref })) } : {}),
        outcome: result.outcome,
        reason,
      }),
    );
  }

  #queueLine(shard: JobShard, line: string): void {
    const pending = this.#pendingLines.get(shard);
    if (pending) pending.push(line);
    else this.#pendingLines.set(shard, [line]);
    this.#flushTimer ??= setTimeout(() => this.#flushLines(), LINE_FLUSH_MS);
  }

  #flushLines(): void {
    clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    if (this.#pendingLines.size === 0) return;
    for (const [shard, lines] of this.#pendingLines) {
      shard.lines.push(...lines);
      shard.progress = lines.reduce(trackImportProgress, shard.progress);
    }
    this.#pendingLines.clear();
    this.requestUpdate();
  }

  #startTicker(): void {
    this.#ticker ??= setInterval(() => (this.now = Date.now()), 1000);
  }

  #stopTicker(): void {
    clearInterval(this.#ticker);
    this.#ticker = undefined;
  }

  // ——— cancel ———

  /**
   * Cancels the followed import's Jobs, all those still running (no confirmation: the Cancel
   * button asks first). Files already copied stay in the bucket; the finished event follows with
   * outcome 'canceled' (or 'partial' when other Jobs had failed).
   */
  async cancel(): Promise<void> {
    const run = this.run;
    if (!run || !isRunActive(run) || !this.accessToken) return;
    this.canceling = true;
    this.cancelProblem = undefined;
    const active = run.shards.filter(mayBeRunning);
    const failures: Array<[JobShard, unknown]> = [];
    await Promise.all(
      active.map(async (shard) => {
        try {
          this.#recordJob(run, shard, await cancelJob({ ...this.#call(), namespace: shard.ref.namespace, jobId: shard.ref.jobId }));
        } catch (error) {
          failures.push([shard, error]);
        }
      }),
    );
    this.canceling = false;
    if (failures.length === 0) return;
    const [[, error]] = failures;
    this.cancelProblem =
      active.length === 1
        ? `${messageOf(error)} The Job was not canceled; try again, or cancel it on its Hugging Face page.`
        : `${failures.map(([shard]) => shardName(shard)).join(', ')} could not be canceled: ${messageOf(error)} Try again, or cancel ${failures.length === 1 ? 'it on its' : 'them on their'} Hugging Face page.`;
  }

  #askCancel = (): void => {
    this.cancelDialog?.showModal();
  };

  #confirmCancel = (): void => {
    this.cancelDialog?.close();
    void this.cancel();
  };

  #keepRunning = (): void => {
    if (this.cancelDialog?.open) this.cancelDialog.close();
  };

  #startOver = (): void => {
    this.#followAbort?.abort();
    this.#followAbort = undefined;
    this.#pool = undefined;
    this.run = undefined;
    this.errors = {};
    this.cancelProblem = undefined;
    this.#resetLogView();
  };

  // ——— log panel ———

  #resetLogView(): void {
    this.followsTail = true;
    this.#autoScrolledTo = undefined;
    this.logCopyStatus = undefined;
  }

  #logScrolled = (event: Event): void => {
    const panel = event.currentTarget as HTMLElement;
    const atBottom = panel.scrollHeight - panel.scrollTop - panel.clientHeight <= SCROLL_SLACK_PX;
    if (atBottom !== this.followsTail) this.followsTail = atBottom;
  };

  #jumpToLatest = (): void => {
    this.followsTail = true;
    const panel = this.logPanel;
    if (panel) {
      panel.scrollTop = panel.scrollHeight;
      this.#autoScrolledTo = panel.scrollTop;
      panel.focus();
    }
  };

  #showShardLog = (index: number): void => {
    if (!this.run || index < 1 || index > this.run.shards.length || index === this.logShard) return;
    this.logShard = index;
    this.#resetLogView();
  };

  /** The Job whose log the panel shows. */
  #loggedShard(): JobShard | undefined {
    const shards = this.run?.shards ?? [];
    return shards[Math.min(Math.max(1, this.logShard), shards.length) - 1];
  }

  #logText(): string {
    const shard = this.#loggedShard();
    const lines = shard ? [...shard.lines, ...(this.#pendingLines.get(shard) ?? [])] : [];
    return lines.length > 0 ? `${lines.join('\n')}\n` : '';
  }

  #copyLog = async (): Promise<void> => {
    const text = this.#logText();
    try {
      await navigator.clipboard.writeText(text);
      const lines = text === '' ? 0 : text.split('\n').length - 1;
      this.logCopyStatus = `Copied ${countFormat.format(lines)} lines.`;
    } catch {
      this.logCopyStatus = 'The browser did not allow copying; use Download instead.';
    }
  };

  #downloadLog = (): void => {
    const url = URL.createObjectURL(new Blob([this.#logText()], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `hf-job-${this.#loggedShard()?.ref.jobId || 'log'}.log`;
    this.renderRoot.append(link);
    link.click();
    link.remove();
    // The download has started from the URL by now; free it once the click is processed.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  #copyCommand = async (command: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(command);
      this.commandCopyStatus = 'Copied.';
    } catch {
      this.commandCopyStatus = 'The browser did not allow copying; select the text instead.';
    }
  };

  // ——— render ———

  #summaryModel(): SummaryViewModel {
    const split = this.#split();
    const estimate = this.#estimate(split);
    const chosenFlavor = this.#chosenFlavor(estimate);
    const timeout = this.#timeoutSeconds();
    const inputs = this.#launchInputs(chosenFlavor);
    const { preview, errors: previewErrors } = resolveLaunch(inputs);
    const choices = this.hardware ? hardwareChoices(this.hardware, estimate, this.throughput) : [];
    const chosen = choices.find((choice) => choice.name === chosenFlavor);
    const target = this.target;
    const connection = this.connection;
    const jobCount = split.shards?.length ?? 1;
    const commandShard = Math.min(Math.max(1, this.commandShard), jobCount);
    const command = split.shards && preview ? shardCommand(inputs, split.shards[commandShard - 1].filters) : preview?.command;
    const splitView = splitModel(split, this.#thresholds(), this.selection?.stats, this.errors.shards);
    return {
      sourceUri: preview?.sourceUri ?? (connection ? `s3://${connection.bucket}/${connection.prefix ?? ''}${this.selection?.filters?.root ?? ''}` : undefined),
      destinationUri:
        preview?.destinationUri ??
        (target?.valid ? `hf://buckets/${target.namespace}/${target.bucket}${target.prefix ? `/${target.prefix.replace(/\/$/, '')}` : ''}` : undefined),
      destinationBadges: target ? destinationBadges(target) : [],
      ...selectionText(this.selection, jobCount),
      ...(command ? { command } : {}),
      ...(split.shards ? { commandShard: { index: commandShard, count: jobCount } } : {}),
      secretNames: importJobSecretNames({ anonymous: Boolean(connection?.anonymous), sessionToken: Boolean(connection?.credentials?.sessionToken) }),
      ...(splitView ? { split: splitView } : {}),
      jobCount,
      hardwareState: !this.accessToken ? 'signed-out' : this.hardware ? 'ready' : this.hardwareProblem ? 'error' : 'loading',
      hardwareProblem: this.hardwareProblem,
      choices,
      chosenFlavor,
      recommendedFlavor: estimate?.recommended?.flavor,
      estimateNote: estimateNote(this.selection, Boolean(this.hardware), estimate, jobCount),
      timeoutValue: this.timeoutValue,
      timeoutUnit: this.timeoutUnit,
      timeoutSeconds: timeout,
      workers: this.workersText,
      dryRun: this.dryRun,
      skipExisting: this.skipExisting,
      warnings: this.#warnings(estimate, chosen),
      errors: { ...this.errors, ...(this.errors.timeout || !previewErrors.timeout ? {} : { timeout: previewErrors.timeout }) },
      launchPhase: this.launchPhase,
      launchPhaseText:
        this.launchPhase === 'creating-bucket'
          ? `Creating the bucket ${target?.namespace}/${target?.bucket}…`
          : this.launchPhase === 'creating-job'
            ? (this.launchProgress ?? 'Starting the Job on Hugging Face…')
            : undefined,
      launchNote: launchNote(chosen ?? { name: chosenFlavor, label: chosenFlavor, specs: '' }, timeout, jobCount),
      commandCopyStatus: this.commandCopyStatus,
    };
  }

  #warnings(estimate: ImportEstimate | undefined, chosen: HardwareChoice | undefined): SummaryWarning[] {
    const warnings: SummaryWarning[] = [];
    const timeout = this.#timeoutSeconds();
    const seconds = chosen?.estimate?.seconds;
    if (estimate && seconds !== undefined && timeout !== undefined && seconds > timeout) {
      const suggestion = suggestTimeout(seconds);
      warnings.push({
        id: 'timeout',
        message:
          `The timeout (${formatDuration(timeout)}) is shorter than the estimated duration on ${chosen?.label} (about ${formatDuration(seconds)}): ` +
          'the Hub would stop the Job before it finishes. Raise the timeout or pick faster hardware.',
        action: {
          label: `Set the timeout to ${suggestion.value} ${suggestion.unit}`,
          run: () => {
            this.timeoutValue = suggestion.value;
            this.timeoutUnit = suggestion.unit;
          },
        },
      });
    }
    if (this.tokenExpiresAt) {
      const remaining = (this.tokenExpiresAt.getTime() - this.now) / 1000;
      if (remaining <= 0) {
        warnings.push({ id: 'token', message: 'Your Hugging Face sign-in has expired. Sign in again before starting the import.' });
      } else if (seconds !== undefined && remaining < seconds) {
        warnings.push({
          id: 'token',
          message:
            `Your Hugging Face sign-in expires in ${formatDuration(remaining)}, before the import is estimated to finish (about ${formatDuration(seconds)}). ` +
            'The Job writes with this token, so uploads would fail after that. Sign in again first, or split the import.',
        });
      }
    }
    return warnings;
  }

  override render() {
    const run = this.run;
    return html`
      <section part="base" class="base" aria-label="Import to Hugging Face">
        ${run
          ? renderFollow(
              followModel(run, {
                hubUrl: this.hubUrl,
                now: this.now,
                logShard: this.logShard,
                pendingLines: (shard) => this.#pendingLines.get(shard) ?? [],
                maxLogLines: this.maxLogLines,
                followsTail: this.followsTail,
                ...(this.logCopyStatus ? { logCopyStatus: this.logCopyStatus } : {}),
                canceling: this.canceling,
                ...(this.cancelProblem ? { cancelProblem: this.cancelProblem } : {}),
                ...(this.errors.launch ? { launchNotice: this.errors.launch } : {}),
              }),
              {
                askCancel: this.#askCancel,
                confirmCancel: this.#confirmCancel,
                keepRunning: this.#keepRunning,
                followAgain: () => this.run && this.#followRun(this.run, { retryProblems: true }),
                startOver: this.#startOver,
                scrolled: this.#logScrolled,
                jumpToLatest: this.#jumpToLatest,
                copy: () => void this.#copyLog(),
                download: this.#downloadLog,
                chooseLog: this.#showShardLog,
                showShardLog: this.#showShardLog,
                retryShard: (index) => void this.#retryShard(index),
              },
            )
          : this.#renderSummary()}
        <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      </section>
    `;
  }

  #renderSummary() {
    const model = this.#summaryModel();
    return renderSummary(model, {
      chooseCommandShard: (index) => (this.commandShard = index),
      setSplit: (on) => {
        this.splitChoice = on;
        if (this.errors.shards) this.errors = { ...this.errors, shards: undefined };
      },
      setShardCount: (text) => {
        this.shardCountText = text;
        if (this.errors.shards) this.errors = { ...this.errors, shards: undefined };
      },
      chooseFlavor: (name) => (this.flavorChoice = name),
      setTimeoutValue: (value) => {
        this.timeoutValue = value;
        if (this.errors.timeout) this.errors = { ...this.errors, timeout: undefined };
      },
      setTimeoutUnit: (unit) => (this.timeoutUnit = unit),
      setWorkers: (value) => {
        this.workersText = value;
        if (this.errors.workers) this.errors = { ...this.errors, workers: undefined };
      },
      setDryRun: (on) => (this.dryRun = on),
      setSkipExisting: (on) => (this.skipExisting = on),
      retryHardware: this.#retryHardware,
      copyCommand: () => model.command && void this.#copyCommand(model.command),
      launch: () => void this.launch(),
    });
  }
}
