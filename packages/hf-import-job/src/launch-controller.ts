import { HfApiError, buildImportJob, createBucket, createImportJob, type HfCallOptions, type ImportShard } from '@s3-to-hf/core';
import { HfImportJobCreatedEvent } from './events.js';
import type { FollowController } from './follow-controller.js';
import { STAGE_LABELS } from './follow-model.js';
import { hubCall, type ImportJobHost } from './import-job-host.js';
import { eventDetail, isRunActive, newShard, type ImportRun, type JobShard, type ShardLaunch } from './import-run.js';
import { fieldOfError, type FieldErrors, type ResolvedLaunch } from './launch-inputs.js';
import { messageOf } from '@s3-to-hf/core/format';
import { startShardJobs } from './start-shard-jobs.js';
import type { ImportJobField, ImportJobRef, ImportJobTarget } from './types.js';

export type LaunchPhase = 'idle' | 'creating-bucket' | 'creating-job';

/** What the launch controller tells its element. */
export interface LaunchControllerOptions {
  /** Says something to screen-reader users. */
  announce(message: string): void;
  /** Shows why the launch failed, at the field each problem concerns. */
  showErrors(errors: FieldErrors): void;
}

const DID_NOT_START = 'The import did not start.';

function warnBeforeUnload(event: BeforeUnloadEvent): void {
  // Leaving now could lose the answer to "was the Job created?".
  event.preventDefault();
  event.returnValue = '';
}

/**
 * Starts an import that passed the form's checks: creates the destination bucket when it is
 * missing, then the Job (one per shard of a split, all in one import group), and hands the run to
 * the follow controller. A launch that failed half-way keeps its import ids, so launching the
 * same import again finds the Jobs it did create instead of starting them twice. A launch is
 * never aborted (on disconnect neither), so it has no part in the element's lifecycle.
 */
export class LaunchController {
  phase: LaunchPhase = 'idle';
  /** What a sharded launch is at, e.g. `Started 2 of 5 Jobs…`. */
  progress?: string;
  /** The ids of the last failed launch, reused when the same import is launched again. */
  #retry?: { fingerprint: string; importId: string; importGroup?: string; importIds?: string[] };

  constructor(
    private readonly host: ImportJobHost,
    private readonly follower: FollowController,
    private readonly options: LaunchControllerOptions,
  ) {}

  /** Why no launch may start now, if so: one is being started, or an import is running here. */
  get busyReason(): string | undefined {
    if (this.phase !== 'idle') return 'This import is already being started; wait a moment.';
    if (isRunActive(this.follower.run)) return 'An import is already running here. Wait for it to finish, or cancel it, before starting another one.';
    return undefined;
  }

  /**
   * Starts `launch` into `target`, split into `shards` when given, then follows it.
   * @returns the started Job (the first one of a sharded import), or undefined when none started.
   */
  async start(launch: ResolvedLaunch, shards: ImportShard[] | undefined, target: ImportJobTarget): Promise<ImportJobRef | undefined> {
    const namespace = launch.options.jobNamespace ?? target.namespace;
    // Not aborted on disconnect: an interrupted create would leave it unknown whether the Job exists.
    const call = hubCall(this.host);
    window.addEventListener('beforeunload', warnBeforeUnload);
    try {
      if (shards) return await this.#launchShards(launch, shards, target, namespace, call);
      return await this.#launchOne(launch, target, namespace, call);
    } finally {
      window.removeEventListener('beforeunload', warnBeforeUnload);
      this.#enter('idle');
    }
  }

  #enter(phase: LaunchPhase, progress?: string): void {
    this.phase = phase;
    this.progress = progress;
    this.host.requestUpdate();
  }

  #fail(errors: FieldErrors): undefined {
    this.options.showErrors(errors);
    this.options.announce(DID_NOT_START);
    return undefined;
  }

  async #ensureBucket(target: ImportJobTarget, call: HfCallOptions): Promise<void> {
    if (target.createIfMissing && target.exists !== true) {
      this.#enter('creating-bucket');
      this.options.announce(`Creating the bucket ${target.namespace}/${target.bucket}…`);
      await createBucket({ ...call, namespace: target.namespace, name: target.bucket, private: target.private });
    }
  }

  /** The run's facts that the launch knows: where from, where to. */
  #runBasics(launch: ResolvedLaunch, target: ImportJobTarget): Pick<ImportRun, 'sourceUri' | 'destinationUri' | 'bucket'> {
    return { sourceUri: launch.sourceUri, destinationUri: launch.destinationUri, bucket: { namespace: target.namespace, name: target.bucket } };
  }

  async #launchOne(launch: ResolvedLaunch, target: ImportJobTarget, namespace: string, call: HfCallOptions): Promise<ImportJobRef | undefined> {
    // A retry of a launch that failed half-way keeps its id, so a Job it did create is found, not doubled.
    const importId = this.#retry?.fingerprint === launch.fingerprint ? this.#retry.importId : crypto.randomUUID();
    this.#retry = { fingerprint: launch.fingerprint, importId };
    let failingField: ImportJobField = 'target';
    let created: Awaited<ReturnType<typeof createImportJob>>;
    try {
      await this.#ensureBucket(target, call);
      failingField = 'launch';
      this.#enter('creating-job');
      this.options.announce('Starting the Job on Hugging Face…');
      created = await createImportJob({ ...call, ...launch.options, importId });
    } catch (error) {
      return this.#fail({ [error instanceof HfApiError ? failingField : fieldOfError(error)]: messageOf(error) });
    }
    this.#retry = undefined;
    const { job } = created;
    const ref: ImportJobRef = { namespace, jobId: job.id, importId: created.importId };
    const shard = newShard(ref, job);
    shard.announcedStage = job.status.stage;
    this.follower.show({ importId: created.importId, shards: [shard], ...this.#runBasics(launch, target) });
    this.options.announce(`Import Job ${job.id} ${created.created ? 'started' : 'found'}: ${STAGE_LABELS[job.status.stage] ?? job.status.stage}.`);
    this.host.dispatchEvent(new HfImportJobCreatedEvent({ jobId: job.id, namespace, stage: job.status.stage, importId: created.importId }));
    this.#followIfConnected();
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
    target: ImportJobTarget,
    namespace: string,
    call: HfCallOptions,
  ): Promise<ImportJobRef | undefined> {
    const count = shards.length;
    const fingerprint = JSON.stringify([launch.fingerprint, shards.map((shard) => shard.filters)]);
    const reuse = this.#retry?.fingerprint === fingerprint ? this.#retry : undefined;
    const importGroup = reuse?.importGroup ?? crypto.randomUUID();
    const importIds = reuse?.importIds ?? shards.map(() => crypto.randomUUID());
    this.#retry = { fingerprint, importId: importIds[0], importGroup, importIds };
    const launches: ShardLaunch[] = shards.map((shard, index) => ({ ...launch.options, filters: shard.filters, importGroup, shard: { index: index + 1, count } }));

    this.#enter('creating-job', `Preparing ${count} Jobs…`);
    for (const [index, options] of launches.entries()) {
      try {
        await buildImportJob({ ...options, hfToken: call.accessToken, importId: importIds[index] });
      } catch (error) {
        const field = fieldOfError(error);
        return this.#fail({ [field === 'selection' ? 'shards' : field]: `Job ${index + 1} of ${count}: ${messageOf(error)}` });
      }
    }
    try {
      await this.#ensureBucket(target, call);
    } catch (error) {
      return this.#fail({ target: messageOf(error) });
    }
    this.#enter('creating-job', `Starting ${count} Jobs on Hugging Face…`);
    this.options.announce(this.progress as string);
    const starts = await startShardJobs(launches, importIds, call, (done) => this.#enter('creating-job', `Started ${done} of ${count} Jobs…`));
    const started = starts.filter((start) => 'created' in start).length;
    if (started === 0) {
      const first = starts[0] as { error: unknown };
      const field = first.error instanceof HfApiError ? 'launch' : fieldOfError(first.error);
      return this.#fail({ [field]: `None of the ${count} Jobs started. ${messageOf(first.error)}` });
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
    this.follower.show({ importGroup, shards: runShards, ...this.#runBasics(launch, target) });
    const first = runShards.find((shard) => !shard.notStarted) as JobShard;
    this.options.announce(`Import started as ${started} of ${count} Jobs${started < count ? `; ${count - started} could not be started` : ''}.`);
    this.host.dispatchEvent(new HfImportJobCreatedEvent({ ...eventDetail(first), jobs: this.follower.jobs }));
    this.#followIfConnected();
    return { ...first.ref };
  }

  #followIfConnected(): void {
    const run = this.follower.run;
    if (this.host.isConnected && run) this.follower.follow(run, { retryProblems: true });
  }
}
