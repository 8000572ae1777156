import {
  DEFAULT_FLAVOR,
  DEFAULT_HUB_URL,
  DEFAULT_TIMEOUT_SECONDS,
  HfApiError,
  cancelJob,
  createBucket,
  createImportJob,
  estimateImport,
  followJob,
  formatBytes,
  formatDuration,
  hubBucketUrl,
  importJobSecretNames,
  importProgressFraction,
  isTerminalStage,
  listJobHardware,
  summarizeImportResult,
  trackImportProgress,
  type HfJob,
  type ImportEstimate,
  type JobHardware,
  type S3Connection,
} from '@s3-to-hf/core';
import { LitElement, html, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { HfImportJobCreatedEvent, HfImportJobFinishedEvent, HfImportJobStatusEvent } from './events.js';
import { renderFollow, type FollowViewModel, type Tone } from './follow-view.js';
import { formatUsd } from './format-usd.js';
import { hardwareChoices, type HardwareChoice } from './hardware-choices.js';
import { hfImportJobStyles } from './hf-import-job.styles.js';
import {
  elapsedSeconds,
  isRunActive,
  newShard,
  runProgress,
  runResult,
  runStage,
  type FollowProblem,
  type ImportRun,
  type JobShard,
} from './import-run.js';
import { fieldOfError, resolveLaunch, type FieldErrors, type LaunchInputs } from './launch-inputs.js';
import { renderSummary, type SummaryViewModel, type SummaryWarning } from './summary-view.js';
import { suggestTimeout, timeoutSeconds, type TimeoutUnit } from './timeout-input.js';
import type { ImportJobField, ImportJobRef, ImportJobSelection, ImportJobTarget } from './types.js';

/** An import run plus what the launch knew about it (absent after `attach`). */
type FollowedRun = ImportRun & { sourceUri?: string; destinationUri?: string; bucket?: { namespace: string; name: string } };

type LaunchPhase = 'idle' | 'creating-bucket' | 'creating-job';

const STAGE_LABELS: Record<string, string> = {
  CONNECTING: 'Connecting',
  SCHEDULING: 'Scheduling',
  RUNNING: 'Running',
  COMPLETED: 'Completed',
  CANCELED: 'Canceled',
  ERROR: 'Error',
  DELETED: 'Deleted',
};

const OUTCOME_VIEW = {
  completed: { title: 'Import completed', tone: 'success' },
  partial: { title: 'Import partly completed', tone: 'warning' },
  failed: { title: 'Import failed', tone: 'danger' },
  canceled: { title: 'Import canceled', tone: 'neutral' },
} as const satisfies Record<string, { title: string; tone: Tone }>;

const countFormat = new Intl.NumberFormat('en-US');
// Lines reach the DOM in batches: one render per batch, not one per line of a fast log.
const LINE_FLUSH_MS = 60;
const SCROLL_SLACK_PX = 24;

function stageTone(stage: string): Tone {
  if (stage === 'RUNNING') return 'active';
  if (stage === 'COMPLETED') return 'success';
  if (stage === 'ERROR') return 'danger';
  if (stage === 'SCHEDULING') return 'active';
  return 'neutral';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function followProblem(error: unknown, ref: ImportJobRef): FollowProblem {
  if (error instanceof HfApiError && error.kind === 'unauthorized') {
    return {
      kind: 'expired',
      message:
        'Hugging Face no longer accepts this sign-in (it has probably expired), so this page stopped following the Job. ' +
        'The Job keeps running on Hugging Face. Sign in again, then follow it again.',
    };
  }
  if (error instanceof HfApiError && error.kind === 'forbidden') return { kind: 'forbidden', message: error.message };
  if (error instanceof HfApiError && error.kind === 'not-found') {
    return {
      kind: 'missing',
      message: `There is no Job ${ref.jobId} in ${ref.namespace} that this token can see: it may have been deleted, or it belongs to another account or organization.`,
    };
  }
  return { kind: 'other', message: messageOf(error) };
}

/**
 * Launches and follows the Hugging Face Job that imports an S3 selection into a Storage Bucket.
 * Before launch it summarizes the import (source, destination, size, the exact command, where the
 * credentials go), recommends hardware with estimated duration and cost, and takes the Job's
 * options; after launch it follows the Job: stage, progress, live log, cancel, result.
 *
 * Credentials (`connection.credentials`, `accessToken`) are properties only: never reflected,
 * rendered or logged; they leave the browser only as Job secrets.
 *
 * @summary Launch and follow the Job that imports an S3 selection into a Hugging Face bucket.
 * @tagname hf-import-job
 *
 * @fires {HfImportJobCreatedEvent} hf-import-job-created - The Job was created (or found again when a retried launch had created it). `detail: { jobId, namespace, stage, importId }`.
 * @fires {HfImportJobStatusEvent} hf-import-job-status - The followed Job changed stage (also once when `attach()` first reads it). `detail: { jobId, namespace, stage, importId? }`.
 * @fires {HfImportJobFinishedEvent} hf-import-job-finished - The Job ended and its log was read to the end. `detail: { jobId, namespace, stage, importId?, outcome, reason }`.
 *
 * @csspart base - The card around everything.
 * @csspart summary - Source, destination, selection and command, before launch.
 * @csspart command - The `hf buckets import` command and where the secrets go.
 * @csspart hardware - The hardware section.
 * @csspart estimate - The table of flavors with price, estimated duration and cost.
 * @csspart options - Timeout, workers, skip existing, dry run.
 * @csspart warnings - Warnings about the timeout and the token's lifetime.
 * @csspart launch - The launch button, its progress and its errors.
 * @csspart status - Stage, elapsed time, Job link and Cancel, after launch.
 * @csspart progress - The progress bar and counts.
 * @csspart logs - The live log with Copy and Download.
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
  #ticker?: ReturnType<typeof setInterval>;
  #flushTimer?: ReturnType<typeof setTimeout>;
  #pendingLines = new Map<JobShard, string[]>();
  /** The import id of the last failed launch, reused when the same import is launched again. */
  #retry?: { fingerprint: string; importId: string };
  /** Where the log panel was last scrolled to automatically. */
  #autoScrolledTo?: number;
  /** Hub and token the hardware list was (or is being) loaded for. */
  #hardwareFor?: string;

  @query('.log') private logPanel?: HTMLElement;
  @query('dialog') private cancelDialog?: HTMLDialogElement;

  @state() private flavorChoice?: string;
  @state() private timeoutValue = String(DEFAULT_TIMEOUT_SECONDS / 60);
  @state() private timeoutUnit: TimeoutUnit = 'minutes';
  @state() private workersText = '';
  @state() private dryRun = false;
  @state() private skipExisting = false;
  @state() private hardware?: JobHardware[];
  @state() private hardwareProblem?: string;
  @state() private errors: FieldErrors = {};
  @state() private launchPhase: LaunchPhase = 'idle';
  @state() private run?: FollowedRun;
  @state() private canceling = false;
  @state() private cancelProblem?: string;
  @state() private followsTail = true;
  @state() private logCopyStatus?: string;
  @state() private commandCopyStatus?: string;
  @state() private announcement = '';
  @state() private now = Date.now();

  /** The selection of `<s3-tree>` (its `selection` property). */
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

  /** How often the Job's stage is re-read while its log streams, in milliseconds. */
  @property({ attribute: 'poll-interval', type: Number }) pollInterval = 5000;

  /** Log lines kept in the DOM (the latest ones); Copy and Download always give the whole log. */
  @property({ attribute: 'max-log-lines', type: Number }) maxLogLines = 1000;

  /** Every log line of the followed Job so far (of all its Jobs, in order, once imports are sharded). */
  get logLines(): readonly string[] {
    return this.run?.shards.flatMap((shard) => [...shard.lines, ...(this.#pendingLines.get(shard) ?? [])]) ?? [];
  }

  /** The `import-id` of the followed import, if known. */
  get importId(): string | undefined {
    return this.run?.importId;
  }

  /** The Jobs being followed (one per import today). */
  get jobs(): readonly ImportJobRef[] {
    return this.run?.shards.map((shard) => ({ ...shard.ref })) ?? [];
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
      ['selection', ['selection']],
      ['connection', ['source']],
      ['target', ['target']],
      ['accessToken', ['token', 'launch']],
    ];
    const cleared = clears.filter(([name]) => changed.has(name)).flatMap(([, fields]) => fields);
    if (cleared.some((field) => this.errors[field])) {
      this.errors = Object.fromEntries(Object.entries(this.errors).filter(([field]) => !cleared.includes(field as ImportJobField)));
    }
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
    listJobHardware({ accessToken: this.accessToken, hubUrl: this.hubUrl, fetch: this.fetch, signal: controller.signal }).then(
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

  // ——— estimate ———

  #timeoutSeconds(): number | undefined {
    return timeoutSeconds(this.timeoutValue, this.timeoutUnit);
  }

  #knownSize(): { files: number; bytes: number } | undefined {
    const stats = this.selection?.mode === 'tree' ? this.selection.stats : undefined;
    if (!this.selection?.filters || !stats || stats.uncountedFolders > 0) return undefined;
    return { files: stats.files, bytes: stats.bytes };
  }

  #estimate(): ImportEstimate | undefined {
    const size = this.#knownSize();
    if (!size || !this.hardware) return undefined;
    const offered = hardwareChoices(this.hardware, undefined, this.throughput);
    const pricing = this.hardware.filter((flavor) => offered.some((choice) => choice.name === flavor.name));
    return estimateImport(size, {
      hardware: pricing,
      ...(this.throughput ? { throughput: this.throughput } : {}),
      ...(this.startupSeconds === undefined ? {} : { startupSeconds: this.startupSeconds }),
      timeoutSeconds: this.#timeoutSeconds() ?? DEFAULT_TIMEOUT_SECONDS,
    });
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
   * Job, then follows it. Problems are shown at the field they concern; the promise then resolves
   * with undefined. A launch while an import is running here is refused.
   *
   * @returns the started Job, or undefined when it could not be started.
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
    const flavor = this.#chosenFlavor(this.#estimate());
    const { launch, errors } = resolveLaunch(this.#launchInputs(flavor));
    this.errors = errors;
    if (!launch) {
      const count = Object.keys(errors).length;
      this.announcement = `The import cannot start yet: ${count} ${count === 1 ? 'problem needs' : 'problems need'} fixing.`;
      await this.updateComplete;
      this.#focusFirstError();
      return undefined;
    }

    // A retry of a launch that failed half-way keeps its id, so a Job it did create is found, not doubled.
    const importId = this.#retry?.fingerprint === launch.fingerprint ? this.#retry.importId : crypto.randomUUID();
    this.#retry = { fingerprint: launch.fingerprint, importId };
    const target = this.target as ImportJobTarget;
    // Not aborted on disconnect: an interrupted create would leave it unknown whether the Job exists.
    const call = { accessToken: this.accessToken as string, hubUrl: this.hubUrl, fetch: this.fetch };
    window.addEventListener('beforeunload', this.#warnBeforeUnload);
    let failingField: ImportJobField = 'target';
    let created: Awaited<ReturnType<typeof createImportJob>>;
    try {
      if (target.createIfMissing && target.exists !== true) {
        this.launchPhase = 'creating-bucket';
        this.announcement = `Creating the bucket ${target.namespace}/${target.bucket}…`;
        await createBucket({ ...call, namespace: target.namespace, name: target.bucket, private: target.private });
      }
      failingField = 'launch';
      this.launchPhase = 'creating-job';
      this.announcement = 'Starting the Job on Hugging Face…';
      created = await createImportJob({ ...call, ...launch.options, importId });
    } catch (error) {
      const field = error instanceof HfApiError ? failingField : fieldOfError(error);
      this.errors = { [field]: messageOf(error) };
      this.announcement = 'The import did not start.';
      return undefined;
    } finally {
      window.removeEventListener('beforeunload', this.#warnBeforeUnload);
      this.launchPhase = 'idle';
    }

    this.#retry = undefined;
    const { job } = created;
    const ref: ImportJobRef = { namespace: launch.options.jobNamespace ?? target.namespace, jobId: job.id, importId: created.importId };
    const shard = newShard(ref, job);
    shard.announcedStage = job.status.stage;
    this.#resetLogView();
    this.run = {
      importId: created.importId,
      shards: [shard],
      sourceUri: launch.sourceUri,
      destinationUri: launch.destinationUri,
      bucket: { namespace: target.namespace, name: target.bucket },
    };
    this.announcement = `Import Job ${job.id} ${created.created ? 'started' : 'found'}: ${STAGE_LABELS[job.status.stage] ?? job.status.stage}.`;
    this.dispatchEvent(new HfImportJobCreatedEvent({ jobId: job.id, namespace: ref.namespace, stage: job.status.stage, importId: created.importId }));
    if (this.isConnected) this.#followRun(this.run, { retryProblems: true });
    return ref;
  }

  /** Moves focus to the first invalid control of this element; errors about the page's inputs are announced instead. */
  #focusFirstError(): void {
    const own: Partial<Record<ImportJobField, string>> = { timeout: '#timeout', workers: '#workers' };
    const field = (Object.keys(this.errors) as ImportJobField[]).find((name) => own[name]);
    if (field) this.renderRoot.querySelector<HTMLElement>(own[field] as string)?.focus();
  }

  // ——— follow ———

  /**
   * Follows an existing Job, e.g. after a reload (find it by its `import-id` label) or after a
   * new sign-in when following stopped on an expired token. Replaces what the element showed.
   */
  async attach({ namespace, jobId }: { namespace: string; jobId: string }): Promise<void> {
    if (!namespace || !jobId) throw new TypeError('attach() needs the namespace that runs the Job and its id, e.g. { namespace: "alice", jobId }.');
    const same = this.run?.shards.find((shard) => shard.ref.namespace === namespace && shard.ref.jobId === jobId);
    if (this.run && same) {
      this.#followRun(this.run, { retryProblems: true });
      return;
    }
    this.#followAbort?.abort();
    this.#followAbort = undefined;
    this.#resetLogView();
    this.errors = {};
    const shard = newShard({ namespace, jobId });
    this.run = { shards: [shard] };
    this.#followRun(this.run, { retryProblems: true });
    await this.updateComplete;
  }

  #followRun(run: FollowedRun, { retryProblems }: { retryProblems: boolean }): void {
    this.#followAbort?.abort();
    const controller = new AbortController();
    this.#followAbort = controller;
    for (const shard of run.shards) {
      if (shard.result || (shard.problem && !retryProblems)) continue;
      void this.#followShard(run, shard, controller.signal);
    }
  }

  async #followShard(run: FollowedRun, shard: JobShard, signal: AbortSignal): Promise<void> {
    this.#flushLines();
    shard.problem = undefined;
    shard.logProblem = undefined;
    this.requestUpdate();
    if (!this.accessToken) {
      shard.problem = { kind: 'expired', message: 'Sign in with Hugging Face to follow this Job; it keeps running meanwhile.' };
      this.requestUpdate();
      return;
    }
    try {
      const job = await followJob({
        accessToken: this.accessToken,
        hubUrl: this.hubUrl,
        fetch: this.fetch,
        signal,
        namespace: shard.ref.namespace,
        jobId: shard.ref.jobId,
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
      if (signal.aborted) return;
      this.#flushLines();
      this.#recordJob(run, shard, job);
      this.#finishShard(run, shard, job);
    } catch (error) {
      if (signal.aborted) return;
      this.#flushLines();
      shard.problem = followProblem(error, shard.ref);
      this.announcement = shard.problem.message;
      this.requestUpdate();
    }
  }

  #recordJob(run: FollowedRun, shard: JobShard, job: HfJob): void {
    shard.job = job;
    shard.connectionProblem = undefined;
    const importId = job.labels?.['import-id'];
    if (importId && !shard.ref.importId) shard.ref = { ...shard.ref, importId };
    if (importId && !run.importId) run.importId = importId;
    shard.stage = job.status.stage;
    if (shard.announcedStage !== shard.stage) {
      shard.announcedStage = shard.stage;
      if (!isTerminalStage(shard.stage)) this.announcement = `Import Job ${STAGE_LABELS[shard.stage] ?? shard.stage}.`;
      this.dispatchEvent(new HfImportJobStatusEvent({ jobId: job.id, namespace: shard.ref.namespace, stage: shard.stage, ...this.#importIdOf(shard) }));
    }
    this.requestUpdate();
  }

  #finishShard(run: FollowedRun, shard: JobShard, job: HfJob): void {
    const summary = summarizeImportResult(job.status, shard.progress.completedLine);
    const lastError = summary.outcome === 'failed' ? shard.progress.lastError : undefined;
    shard.result = { ...summary, ...(lastError ? { lastError } : {}) };
    const reason = lastError ? `${summary.reason} Last error in the log: ${lastError}` : summary.reason;
    this.announcement = `${OUTCOME_VIEW[summary.outcome].title}. ${summary.reason}`;
    // "Already running" no longer holds.
    if (this.errors.launch && !isRunActive(run)) this.errors = {};
    this.dispatchEvent(
      new HfImportJobFinishedEvent({
        jobId: job.id,
        namespace: shard.ref.namespace,
        stage: job.status.stage,
        ...this.#importIdOf(shard),
        outcome: summary.outcome,
        reason,
      }),
    );
    this.requestUpdate();
  }

  #importIdOf(shard: JobShard): { importId?: string } {
    return shard.ref.importId ? { importId: shard.ref.importId } : {};
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
   * Cancels the followed import's Jobs (no confirmation: the Cancel button asks first). Files
   * already copied stay in the bucket; the finished event follows with outcome 'canceled'.
   */
  async cancel(): Promise<void> {
    const run = this.run;
    if (!run || !isRunActive(run) || !this.accessToken) return;
    this.canceling = true;
    this.cancelProblem = undefined;
    const call = { accessToken: this.accessToken, hubUrl: this.hubUrl, fetch: this.fetch };
    try {
      const active = run.shards.filter((shard) => !isTerminalStage(shard.stage));
      await Promise.all(
        active.map(async (shard) => this.#recordJob(run, shard, await cancelJob({ ...call, namespace: shard.ref.namespace, jobId: shard.ref.jobId }))),
      );
    } catch (error) {
      this.cancelProblem = `${messageOf(error)} The Job was not canceled; try again, or cancel it on its Hugging Face page.`;
    } finally {
      this.canceling = false;
    }
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

  #logText(): string {
    return this.logLines.length > 0 ? `${this.logLines.join('\n')}\n` : '';
  }

  #copyLog = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(this.#logText());
      this.logCopyStatus = `Copied ${countFormat.format(this.logLines.length)} lines.`;
    } catch {
      this.logCopyStatus = 'The browser did not allow copying; use Download instead.';
    }
  };

  #downloadLog = (): void => {
    const url = URL.createObjectURL(new Blob([this.#logText()], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `hf-job-${this.run?.shards[0]?.ref.jobId ?? 'log'}.log`;
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
    const estimate = this.#estimate();
    const chosenFlavor = this.#chosenFlavor(estimate);
    const timeout = this.#timeoutSeconds();
    const { preview, errors: previewErrors } = resolveLaunch(this.#launchInputs(chosenFlavor));
    const choices = this.hardware ? hardwareChoices(this.hardware, estimate, this.throughput) : [];
    const chosen = choices.find((choice) => choice.name === chosenFlavor);
    const target = this.target;
    const connection = this.connection;
    return {
      sourceUri: preview?.sourceUri ?? (connection ? `s3://${connection.bucket}/${connection.prefix ?? ''}${this.selection?.filters?.root ?? ''}` : undefined),
      destinationUri:
        preview?.destinationUri ??
        (target?.valid ? `hf://buckets/${target.namespace}/${target.bucket}${target.prefix ? `/${target.prefix.replace(/\/$/, '')}` : ''}` : undefined),
      destinationBadges: target ? this.#destinationBadges(target) : [],
      ...this.#selectionText(),
      command: preview?.command,
      secretNames: importJobSecretNames({ anonymous: Boolean(connection?.anonymous), sessionToken: Boolean(connection?.credentials?.sessionToken) }),
      hardwareState: !this.accessToken ? 'signed-out' : this.hardware ? 'ready' : this.hardwareProblem ? 'error' : 'loading',
      hardwareProblem: this.hardwareProblem,
      choices,
      chosenFlavor,
      recommendedFlavor: estimate?.recommended?.flavor,
      estimateNote: this.#estimateNote(estimate),
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
            ? 'Starting the Job on Hugging Face…'
            : undefined,
      launchNote: this.#launchNote(chosen ?? { name: chosenFlavor, label: chosenFlavor, specs: '' }, timeout),
      commandCopyStatus: this.commandCopyStatus,
    };
  }

  #destinationBadges(target: ImportJobTarget): string[] {
    const badges: string[] = [];
    if (target.exists === false) badges.push(target.createIfMissing ? 'New bucket, created first' : 'Bucket does not exist');
    else if (target.exists === undefined && target.createIfMissing) badges.push('Created if missing');
    badges.push(target.private ? 'Private' : 'Public');
    return badges;
  }

  #selectionText(): { selectionText: string; selectionKnown: boolean } {
    const selection = this.selection;
    if (!selection?.filters) return { selectionText: selection?.problem ?? 'Nothing selected yet', selectionKnown: false };
    if (selection.mode === 'manual' || !selection.stats) {
      const patterns = selection.filters.include.length + selection.filters.exclude.length;
      return {
        selectionText: `Manual patterns (${countFormat.format(patterns)}): file count and size unknown until the Job lists the bucket`,
        selectionKnown: true,
      };
    }
    const { files, bytes, uncountedFolders } = selection.stats;
    const counted = `${countFormat.format(files)} ${files === 1 ? 'file' : 'files'} · ${formatBytes(bytes)}`;
    if (uncountedFolders === 0) return { selectionText: counted, selectionKnown: true };
    const folders = `${countFormat.format(uncountedFolders)} selected ${uncountedFolders === 1 ? 'folder' : 'folders'}`;
    return { selectionText: `${files > 0 ? `${counted} plus ` : ''}${folders}: size unknown until counted`, selectionKnown: true };
  }

  #estimateNote(estimate: ImportEstimate | undefined): string | undefined {
    if (!this.hardware) return undefined;
    if (!this.selection?.filters) return 'Estimates appear once something is selected.';
    if (!estimate) {
      return this.selection.mode === 'manual'
        ? 'No estimate for manual patterns: their size is unknown until the Job lists the bucket.'
        : 'No estimate yet: count the selected folders in the tree to know the size.';
    }
    return 'Estimates assume typical S3 and Hub throughput plus about a minute of start-up; real speed depends on the source.';
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

  #launchNote(chosen: HardwareChoice, timeout: number | undefined): string {
    const parts = [`Runs on ${chosen.label}`];
    if (timeout !== undefined) parts.push(`stops after ${formatDuration(timeout)}`);
    if (chosen.estimate) {
      parts.push(`about ${formatDuration(chosen.estimate.seconds)}`);
      if (chosen.estimate.costUSD !== undefined) parts.push(formatUsd(chosen.estimate.costUSD));
    }
    return parts.join(' · ');
  }

  #followModel(run: FollowedRun): FollowViewModel {
    const shard = run.shards[0];
    const stage = runStage(run);
    const progress = runProgress(run);
    const result = runResult(run);
    const active = !result && !shard.problem && !isTerminalStage(stage);
    const elapsed = elapsedSeconds(shard.job, this.now);
    const fraction = importProgressFraction(progress);
    const outcomeView = result ? OUTCOME_VIEW[result.outcome] : undefined;
    const owner = (shard.job as { owner?: { name?: string } } | undefined)?.owner?.name ?? shard.ref.namespace;
    return {
      stageLabel: STAGE_LABELS[stage] ?? stage,
      tone: result ? OUTCOME_VIEW[result.outcome].tone : stageTone(stage),
      active,
      ...(elapsed === undefined ? {} : { elapsed: formatDuration(elapsed) }),
      jobId: shard.ref.jobId,
      jobUrl: `${this.hubUrl.replace(/\/+$/, '')}/jobs/${encodeURIComponent(owner)}/${encodeURIComponent(shard.ref.jobId)}`,
      flavor: shard.job?.flavor,
      sourceUri: run.sourceUri,
      destinationUri: run.destinationUri,
      progress: {
        // A finished Job that never planned anything transferred nothing: an empty bar, not a busy one.
        ...(fraction === undefined ? (result ? { fraction: 0 } : {}) : { fraction }),
        detail: result && progress.filesTotal === undefined ? 'No files were transferred' : this.#progressDetail(progress, stage),
        ...(result ? { finish: result.outcome } : {}),
      },
      problem: shard.problem,
      connectionProblem: shard.connectionProblem,
      canCancel: !result && !isTerminalStage(stage),
      canceling: this.canceling,
      cancelProblem: this.cancelProblem,
      notice: this.errors.launch,
      ...(result && outcomeView
        ? {
            result: {
              outcome: result.outcome,
              title: outcomeView.title,
              tone: outcomeView.tone,
              reason: result.reason,
              ...(result.lastError ? { lastError: result.lastError } : {}),
              stats: this.#resultStats(result, elapsed),
              ...(run.bucket && result.outcome !== 'failed' ? { bucketUrl: hubBucketUrl({ hubUrl: this.hubUrl, ...run.bucket }) } : {}),
            },
          }
        : {}),
      log: {
        lines: this.logLines,
        maxLines: Math.max(1, this.maxLogLines),
        followsTail: this.followsTail,
        emptyText: active ? 'Waiting for the first log line…' : 'The Job printed nothing.',
        copyStatus: this.logCopyStatus,
        problem: shard.logProblem,
      },
    };
  }

  #progressDetail(progress: ReturnType<typeof runProgress>, stage: string): string {
    if (progress.filesTotal === undefined) {
      if (progress.filesFound !== undefined) return `Found ${countFormat.format(progress.filesFound)} files in S3, planning…`;
      return stage === 'SCHEDULING' ? 'Waiting for hardware…' : 'Installing and listing the source…';
    }
    const parts = [`${countFormat.format(progress.filesDone)} of ${countFormat.format(progress.filesTotal)} files`];
    parts.push(`${formatBytes(progress.bytesDone)}${progress.bytesTotal ? ` of ${formatBytes(progress.bytesTotal)}` : ''}`);
    if (progress.bytesPerSecond && !progress.completion) parts.push(`${formatBytes(progress.bytesPerSecond)}/s`);
    if (progress.batch !== undefined && progress.batches !== undefined && !progress.completion) parts.push(`batch ${progress.batch} of ${progress.batches}`);
    if (progress.failedFiles > 0) parts.push(`${countFormat.format(progress.failedFiles)} failed`);
    return parts.join(' · ');
  }

  #resultStats(result: NonNullable<JobShard['result']>, elapsed: number | undefined): Array<[string, string]> {
    const stats: Array<[string, string]> = [];
    const completion = result.completion;
    if (completion) {
      stats.push(['Transferred', `${countFormat.format(completion.transferred)} (${formatBytes(completion.transferredBytes)})`]);
      stats.push(['Skipped', countFormat.format(completion.skipped)]);
      stats.push(['Failed', countFormat.format(completion.failed)]);
    }
    if (elapsed !== undefined) stats.push(['Duration', formatDuration(elapsed)]);
    return stats;
  }

  override render() {
    const run = this.run;
    return html`
      <section part="base" class="base" aria-label="Import to Hugging Face">
        ${run
          ? renderFollow(this.#followModel(run), {
              askCancel: this.#askCancel,
              confirmCancel: this.#confirmCancel,
              keepRunning: this.#keepRunning,
              followAgain: () => this.run && this.#followRun(this.run, { retryProblems: true }),
              startOver: this.#startOver,
              scrolled: this.#logScrolled,
              jumpToLatest: this.#jumpToLatest,
              copy: () => void this.#copyLog(),
              download: this.#downloadLog,
            })
          : this.#renderSummary()}
        <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      </section>
    `;
  }

  #renderSummary() {
    const model = this.#summaryModel();
    return renderSummary(model, {
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
