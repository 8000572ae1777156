import {
  DEFAULT_FLAVOR,
  DEFAULT_HUB_URL,
  DEFAULT_TIMEOUT_SECONDS,
  importJobSecretNames,
  type ImportEstimate,
  type ImportRecord,
  type S3Connection,
} from '@s3-to-hf/core';
import { LitElement, html, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ClockController } from './clock-controller.js';
import { FollowController } from './follow-controller.js';
import { followModel } from './follow-model.js';
import { renderFollow } from './follow-view.js';
import { HardwareController } from './hardware-controller.js';
import { hardwareChoices } from './hardware-choices.js';
import { hfImportJobStyles } from './hf-import-job.styles.js';
import { importEstimate } from './import-estimate.js';
import { isRunActive } from './import-run.js';
import { LaunchController } from './launch-controller.js';
import { resolveLaunch, shardCommand, type FieldErrors, type LaunchInputs } from './launch-inputs.js';
import { LogPanelController } from './log-panel-controller.js';
import { ShardPlanCache } from './split-offer.js';
import { shardThresholds, splitModel, splitState, type SplitState } from './split-model.js';
import { destinationBadges, estimateNote, launchNote, selectionText } from './summary-text.js';
import { renderSummary, type SummaryViewModel } from './summary-view.js';
import { summaryWarnings } from './summary-warnings.js';
import { timeoutSeconds, type TimeoutUnit } from './timeout-input.js';
import type { ImportGroupRef, ImportJobField, ImportJobRef, ImportJobSelection, ImportJobTarget } from './types.js';

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

  readonly #hardware = new HardwareController(this, () => this.flavorChoice ?? DEFAULT_FLAVOR);
  readonly #follower = new FollowController(this, {
    announce: (message) => (this.announcement = message),
    runReplaced: () => {
      this.errors = {};
      this.#log.newRun();
    },
    shardRestarted: (index) => this.#log.shardRestarted(index),
    runEnded: () => {
      // "Already running" no longer holds.
      if (this.errors.launch) this.errors = {};
    },
  });
  readonly #launcher = new LaunchController(this, this.#follower, {
    announce: (message) => (this.announcement = message),
    showErrors: (errors) => (this.errors = errors),
  });
  readonly #log = new LogPanelController(this, { run: () => this.#follower.run, linesOf: (shard) => this.#follower.linesOf(shard) });
  readonly #clock = new ClockController(this, () => isRunActive(this.#follower.run));
  readonly #plans = new ShardPlanCache();

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
  @state() private errors: FieldErrors = {};
  @state() private commandCopyStatus?: string;
  @state() private announcement = '';

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

  /**
   * Accessible name of the element's region. A page with several imports gives each its own,
   * because screen readers list regions by name and two alike cannot be told apart.
   */
  @property() label = 'Import to Hugging Face';

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
    return this.#follower.run?.shards.flatMap((shard) => this.#follower.linesOf(shard)) ?? [];
  }

  /** The `import-id` of the followed import, if known (a sharded import has one per Job: see `jobs`). */
  get importId(): string | undefined {
    return this.#follower.run?.importId;
  }

  /** The `import-group` of the followed import when it is sharded. */
  get importGroup(): string | undefined {
    return this.#follower.run?.importGroup;
  }

  /** The Jobs being followed: one, or the newest Job of each shard that started. */
  get jobs(): readonly ImportJobRef[] {
    return this.#follower.jobs;
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
    if (changed.has('fetch')) this.#hardware.reload();
    else if (changed.has('accessToken') || changed.has('hubUrl')) this.#hardware.load();
  }

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
    const busy = this.#launcher.busyReason;
    if (busy) {
      this.errors = { launch: busy };
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
    return this.#launcher.start(launch, split.shards, this.target as ImportJobTarget);
  }

  /**
   * Follows an existing import, e.g. after a reload (found by its labels) or after a new sign-in
   * when following stopped on an expired token: one Job (`{ namespace, jobId }`), or a sharded
   * import (`{ namespace, importGroup }`, or a record from core's `listImports`). Replaces what the
   * element showed.
   */
  attach(target: ImportJobRef | ImportGroupRef | ImportRecord): Promise<void> {
    return this.#follower.attach(target);
  }

  /**
   * Cancels the followed import's Jobs, all those still running (no confirmation: the Cancel
   * button asks first). Files already copied stay in the bucket; the finished event follows with
   * outcome 'canceled' (or 'partial' when other Jobs had failed).
   */
  cancel(): Promise<void> {
    return this.#follower.cancel();
  }

  // ——— the form ———

  #thresholds() {
    return shardThresholds(this.maxBytesPerShard, this.maxFilesPerShard);
  }

  /** How the import splits: from the selection, the page's limits and `shards`, and what the user chose. */
  #split(): SplitState {
    const inputs = { selection: this.selection, thresholds: this.#thresholds(), asked: this.shards, choice: this.splitChoice, countText: this.shardCountText };
    return splitState(inputs, this.#plans);
  }

  #timeoutSeconds(): number | undefined {
    return timeoutSeconds(this.timeoutValue, this.timeoutUnit);
  }

  #estimate(split = this.#split()): ImportEstimate | undefined {
    const { selection, throughput, startupSeconds } = this;
    return importEstimate({ selection, hardware: this.#hardware.hardware, throughput, startupSeconds, timeoutSeconds: this.#timeoutSeconds() }, split.shards);
  }

  #chosenFlavor(estimate: ImportEstimate | undefined): string {
    return this.flavorChoice ?? estimate?.recommended?.flavor ?? DEFAULT_FLAVOR;
  }

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

  /** Moves focus to the first invalid control of this element; errors about the page's inputs are announced instead. */
  #focusFirstError(): void {
    const own: Partial<Record<ImportJobField, string>> = { shards: '#shard-count', timeout: '#timeout', workers: '#workers' };
    const field = (Object.keys(this.errors) as ImportJobField[]).find((name) => own[name]);
    if (field) this.renderRoot.querySelector<HTMLElement>(own[field] as string)?.focus();
  }

  #copyCommand = async (command: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(command);
      this.commandCopyStatus = 'Copied.';
    } catch {
      this.commandCopyStatus = 'The browser did not allow copying; select the text instead.';
    }
  };

  // ——— after launch ———

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

  // ——— render ———

  #summaryModel(): SummaryViewModel {
    const split = this.#split();
    const estimate = this.#estimate(split);
    const chosenFlavor = this.#chosenFlavor(estimate);
    const timeout = this.#timeoutSeconds();
    const inputs = this.#launchInputs(chosenFlavor);
    const { preview, errors: previewErrors } = resolveLaunch(inputs);
    const { hardware, problem: hardwareProblem } = this.#hardware;
    const choices = hardware ? hardwareChoices(hardware, estimate, this.throughput) : [];
    const chosen = choices.find((choice) => choice.name === chosenFlavor);
    const target = this.target;
    const connection = this.connection;
    const jobCount = split.shards?.length ?? 1;
    const commandShard = Math.min(Math.max(1, this.commandShard), jobCount);
    const command = split.shards && preview ? shardCommand(inputs, split.shards[commandShard - 1].filters) : preview?.command;
    const splitView = splitModel(split, this.#thresholds(), this.selection?.stats, this.errors.shards);
    const launchPhase = this.#launcher.phase;
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
      hardwareState: !this.accessToken ? 'signed-out' : hardware ? 'ready' : hardwareProblem ? 'error' : 'loading',
      hardwareProblem,
      choices,
      chosenFlavor,
      recommendedFlavor: estimate?.recommended?.flavor,
      estimateNote: estimateNote(this.selection, Boolean(hardware), estimate, jobCount),
      timeoutValue: this.timeoutValue,
      timeoutUnit: this.timeoutUnit,
      timeoutSeconds: timeout,
      workers: this.workersText,
      dryRun: this.dryRun,
      skipExisting: this.skipExisting,
      warnings: summaryWarnings({ chosen, timeoutSeconds: timeout, tokenExpiresAt: this.tokenExpiresAt, now: this.#clock.now }, (value, unit) => {
        this.timeoutValue = value;
        this.timeoutUnit = unit;
      }),
      errors: { ...this.errors, ...(this.errors.timeout || !previewErrors.timeout ? {} : { timeout: previewErrors.timeout }) },
      launchPhase,
      launchPhaseText:
        launchPhase === 'creating-bucket'
          ? `Creating the bucket ${target?.namespace}/${target?.bucket}…`
          : launchPhase === 'creating-job'
            ? (this.#launcher.progress ?? 'Starting the Job on Hugging Face…')
            : undefined,
      launchNote: launchNote(chosen ?? { name: chosenFlavor, label: chosenFlavor, specs: '' }, timeout, jobCount),
      commandCopyStatus: this.commandCopyStatus,
    };
  }

  override render() {
    const run = this.#follower.run;
    const log = this.#log;
    return html`
      <section part="base" class="base" aria-label=${this.label}>
        ${run
          ? renderFollow(
              followModel(run, {
                hubUrl: this.hubUrl,
                now: this.#clock.now,
                logShard: log.shard,
                pendingLines: (shard) => this.#follower.pendingLines(shard),
                maxLogLines: this.maxLogLines,
                followsTail: log.followsTail,
                ...(log.copyStatus ? { logCopyStatus: log.copyStatus } : {}),
                canceling: this.#follower.canceling,
                ...(this.#follower.cancelProblem ? { cancelProblem: this.#follower.cancelProblem } : {}),
                ...(this.errors.launch ? { launchNotice: this.errors.launch } : {}),
              }),
              {
                askCancel: this.#askCancel,
                confirmCancel: this.#confirmCancel,
                keepRunning: this.#keepRunning,
                followAgain: () => this.#follower.followAgain(),
                startOver: () => this.#follower.clear(),
                scrolled: log.scrolled,
                jumpToLatest: log.jumpToLatest,
                copy: () => void log.copy(),
                download: log.download,
                chooseLog: log.show,
                showShardLog: log.show,
                retryShard: (index) => void this.#follower.retryShard(index),
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
      retryHardware: () => this.#hardware.reload(),
      copyCommand: () => model.command && void this.#copyCommand(model.command),
      launch: () => void this.launch(),
    });
  }
}
