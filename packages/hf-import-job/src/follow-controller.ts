import {
  APP_LABEL_KEY,
  APP_LABEL_VALUE,
  EMPTY_IMPORT_PROGRESS,
  HfApiError,
  IMPORT_GROUP_LABEL_KEY,
  IMPORT_ID_LABEL_KEY,
  abortableSleep,
  cancelJob,
  createImportJob,
  followJob,
  isTerminalStage,
  listJobs,
  summarizeImportResult,
  trackImportProgress,
  type HfJob,
  type ImportRecord,
} from '@s3-to-hf/core';
import type { ReactiveController } from 'lit';
import { HfImportJobCreatedEvent, HfImportJobFinishedEvent, HfImportJobStatusEvent } from './events.js';
import { findImportGroup, groupOfRecord, type FoundImportGroup } from './find-import-group.js';
import { OUTCOME_VIEW, STAGE_LABELS } from './follow-model.js';
import { FollowPool } from './follow-pool.js';
import { followProblem } from './follow-problem.js';
import { hubCall, type ImportJobHost } from './import-job-host.js';
import { eventDetail, isRunActive, mayBeRunning, newShard, runResult, shardName, type ImportRun, type JobShard } from './import-run.js';
import { messageOf } from '@s3-to-hf/core/format';
import type { ImportGroupRef, ImportJobRef } from './types.js';

// Lines reach the DOM in batches: one render per batch, not one per line of a fast log.
const LINE_FLUSH_MS = 60;

/** What the follow controller tells its element. */
export interface FollowControllerOptions {
  /** Says something to screen-reader users. */
  announce(message: string): void;
  /** Another run, or none, replaced the one shown: the form's errors and the log panel start afresh. */
  runReplaced(): void;
  /** Shard `index` (from 1) runs again as a new Job. */
  shardRestarted(index: number): void;
  /** Every Job of the run has ended; the finished event went out. */
  runEnded(): void;
}

/**
 * The import an `<hf-import-job>` shows after launch or `attach()`: its Jobs' stages, logs and
 * progress (at most `maxFollowedJobs` log streams at once, the others polled), their results and
 * the events about them, Cancel and Retry shard. Following stops on disconnect and resumes on
 * reconnect; it never stops the Jobs themselves.
 */
export class FollowController implements ReactiveController {
  /** The import shown, once launched or attached. */
  run?: ImportRun;
  canceling = false;
  cancelProblem?: string;
  #abort?: AbortController;
  #pool?: FollowPool<JobShard>;
  #flushTimer?: ReturnType<typeof setTimeout>;
  readonly #pendingLines = new Map<JobShard, string[]>();

  constructor(
    private readonly host: ImportJobHost,
    private readonly options: FollowControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Back in the document after a move: pick up where disconnecting stopped.
    if (this.host.hasUpdated && this.run && isRunActive(this.run)) this.follow(this.run, { retryProblems: false });
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#flushLines();
  }

  /** The Jobs being followed: one, or the newest Job of each shard that started. */
  get jobs(): ImportJobRef[] {
    return this.run?.shards.filter((shard) => !shard.notStarted).map((shard) => ({ ...shard.ref })) ?? [];
  }

  /** Lines received for the shard but not yet in `shard.lines`. */
  pendingLines(shard: JobShard): readonly string[] {
    return this.#pendingLines.get(shard) ?? [];
  }

  /** The shard's whole log so far. */
  linesOf(shard: JobShard): string[] {
    return [...shard.lines, ...this.pendingLines(shard)];
  }

  /** Shows `run` instead of the current one, whose following stops. */
  show(run: ImportRun): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.cancelProblem = undefined;
    this.run = run;
    this.options.runReplaced();
    this.host.requestUpdate();
  }

  /** Forgets the run shown (its Jobs keep running). */
  clear(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#pool = undefined;
    this.run = undefined;
    this.cancelProblem = undefined;
    this.options.runReplaced();
    this.host.requestUpdate();
  }

  /** Follows an existing Job or sharded import instead of the current run; see the element's `attach()`. */
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
      this.follow(this.run, { retryProblems: true });
      return;
    }
    this.show({ shards: [newShard({ namespace, jobId })] });
    this.follow(this.run as ImportRun, { retryProblems: true });
    await this.host.updateComplete;
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
      this.follow(this.run, { retryProblems: true });
      return;
    }
    const run: ImportRun = { importGroup, shards: [], lookup: { namespace, importGroup } };
    this.show(run);
    if (!found) {
      try {
        if (!this.host.accessToken) throw new HfApiError({ kind: 'unauthorized', message: 'Not signed in.', url: this.host.hubUrl });
        found = await findImportGroup({ ...hubCall(this.host), namespace, importGroup });
      } catch (error) {
        if (this.run === run) run.lookupProblem = followProblem(error, `import group ${importGroup}`, namespace, true);
        this.host.requestUpdate();
        await this.host.updateComplete;
        return;
      }
      if (this.run !== run) return;
      if (!found) {
        run.lookupProblem = {
          kind: 'missing',
          message: `There is no import with group id ${importGroup} in ${namespace} that this token can see: its Jobs may have been deleted, or they run in another account or organization.`,
        };
        this.host.requestUpdate();
        await this.host.updateComplete;
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
    this.follow(run, { retryProblems: true });
    this.#finishRunIfDone(run);
    await this.host.updateComplete;
  }

  /** Follows the run again, those Jobs whose following stopped included. */
  followAgain(): void {
    if (this.run) this.follow(this.run, { retryProblems: true });
  }

  /** Follows every Job of the run that has no result yet; with `retryProblems`, also those whose following stopped. */
  follow(run: ImportRun, { retryProblems }: { retryProblems: boolean }): void {
    if (run.shards.length === 0 && run.lookup) {
      // Following again what could not be looked up: look it up again.
      void this.#attachGroup(run.lookup.namespace, run.lookup.importGroup);
      return;
    }
    this.#abort?.abort();
    const controller = new AbortController();
    this.#abort = controller;
    const limit = Math.max(1, Math.floor(this.host.maxFollowedJobs) || 1);
    const pool = new FollowPool<JobShard>(limit, (shard) => this.#followShard(run, shard, controller.signal), controller.signal);
    this.#pool = pool;
    for (const shard of run.shards) {
      if (shard.result || shard.notStarted || (shard.problem && !retryProblems)) continue;
      shard.problem = undefined;
      pool.add(shard);
    }
    if (run.importGroup && run.shards.length > Math.max(1, this.host.maxFollowedJobs)) void this.#pollWaitingShards(run, pool, controller.signal);
  }

  /** The stage of the Jobs waiting their turn to be followed, one listing of the group at a time. */
  async #pollWaitingShards(run: ImportRun, pool: FollowPool<JobShard>, signal: AbortSignal): Promise<void> {
    const namespace = run.shards.find((shard) => !shard.notStarted)?.ref.namespace;
    while (namespace && !signal.aborted && isRunActive(run)) {
      try {
        await abortableSleep(this.host.pollInterval, signal);
        if (!this.host.accessToken) return;
        const labels = { [APP_LABEL_KEY]: APP_LABEL_VALUE, [IMPORT_GROUP_LABEL_KEY]: run.importGroup as string };
        const jobs = await listJobs({ ...hubCall(this.host), signal, namespace, labels });
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
    this.host.requestUpdate();
    if (!this.host.accessToken) {
      shard.problem = {
        kind: 'expired',
        message: run.importGroup ? 'Sign in with Hugging Face to follow this import; its Jobs keep running meanwhile.' : 'Sign in with Hugging Face to follow this Job; it keeps running meanwhile.',
      };
      this.host.requestUpdate();
      return;
    }
    const jobId = shard.ref.jobId;
    try {
      const job = await followJob({
        ...hubCall(this.host),
        signal,
        namespace: shard.ref.namespace,
        jobId,
        pollIntervalMs: this.host.pollInterval,
        skipLines: shard.lines.length,
        onJob: (job) => this.#recordJob(run, shard, job),
        onLine: ({ line }) => this.#queueLine(shard, line),
        onLogError: (error) => {
          shard.logProblem = `${error.message} The stage is still followed, but the log and the progress may be incomplete; use “Follow again” later.`;
          this.host.requestUpdate();
        },
        onPollError: (error) => {
          shard.connectionProblem = error.message;
          this.host.requestUpdate();
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
      this.options.announce(shard.problem.message);
      this.host.requestUpdate();
    }
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
        this.options.announce(`${run.importGroup ? shardName(shard) : 'Import Job'} ${STAGE_LABELS[shard.stage] ?? shard.stage}.`);
      }
      this.host.dispatchEvent(new HfImportJobStatusEvent(eventDetail(shard)));
    }
    this.host.requestUpdate();
  }

  #finishShard(run: ImportRun, shard: JobShard, job: HfJob): void {
    const summary = summarizeImportResult(job.status, shard.progress.completedLine);
    const lastError = summary.outcome === 'failed' ? shard.progress.lastError : undefined;
    shard.result = { ...summary, ...(lastError ? { lastError } : {}) };
    if (run.importGroup) this.options.announce(`${shardName(shard)}: ${OUTCOME_VIEW[summary.outcome].short.toLowerCase()}.`);
    this.#finishRunIfDone(run);
    this.host.requestUpdate();
  }

  /** Once every Job has ended: one finished event for the whole import, with the combined outcome. */
  #finishRunIfDone(run: ImportRun): void {
    if (run.finishAnnounced || run.shards.length === 0 || isRunActive(run)) return;
    const result = runResult(run);
    if (!result) return;
    run.finishAnnounced = true;
    const { worst } = result;
    const reason = run.importGroup || !result.lastError ? result.reason : `${result.reason} Last error in the log: ${result.lastError}`;
    this.options.announce(`${OUTCOME_VIEW[result.outcome].title}. ${result.reason}`);
    this.options.runEnded();
    const lead = run.shards.find((shard) => !shard.notStarted) ?? worst;
    this.host.dispatchEvent(
      new HfImportJobFinishedEvent({
        ...eventDetail(lead),
        stage: worst.stage,
        ...(run.importGroup ? { jobs: this.jobs } : {}),
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
    this.host.requestUpdate();
  }

  /** Starts a failed, canceled or never started shard again: a new Job with the same group and shard label. */
  async retryShard(index: number): Promise<void> {
    const run = this.run;
    const shard = run?.shards[index - 1];
    if (!run || !shard?.relaunch || !shard.result || shard.result.outcome === 'completed' || shard.retrying) return;
    if (!this.host.accessToken) {
      shard.retryProblem = 'Sign in with Hugging Face again to start this Job.';
      this.host.requestUpdate();
      return;
    }
    // A failed attempt keeps its id: if it did create the Job, the next one finds it instead of starting another.
    const importId = shard.retryImportId ?? crypto.randomUUID();
    shard.retryImportId = importId;
    shard.retrying = true;
    shard.retryProblem = undefined;
    this.host.requestUpdate();
    let created: Awaited<ReturnType<typeof createImportJob>>;
    try {
      created = await createImportJob({ ...hubCall(this.host), ...shard.relaunch, importId });
    } catch (error) {
      shard.retryProblem = `${messageOf(error)} ${shardName(shard)} did not start again; try again.`;
      this.options.announce(shard.retryProblem);
      return;
    } finally {
      shard.retrying = false;
      this.host.requestUpdate();
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
    this.options.shardRestarted(index);
    this.options.announce(`${shardName(shard)} started again: Job ${job.id}.`);
    this.host.dispatchEvent(new HfImportJobCreatedEvent(eventDetail(shard)));
    if (this.#pool?.active) this.#pool.add(shard);
    else if (this.host.isConnected) this.follow(run, { retryProblems: false });
    this.host.requestUpdate();
  }

  /** Cancels every Job of the run that may still be running; see the element's `cancel()`. */
  async cancel(): Promise<void> {
    const run = this.run;
    if (!run || !isRunActive(run) || !this.host.accessToken) return;
    this.canceling = true;
    this.cancelProblem = undefined;
    this.host.requestUpdate();
    const active = run.shards.filter(mayBeRunning);
    const failures: Array<[JobShard, unknown]> = [];
    await Promise.all(
      active.map(async (shard) => {
        try {
          this.#recordJob(run, shard, await cancelJob({ ...hubCall(this.host), namespace: shard.ref.namespace, jobId: shard.ref.jobId }));
        } catch (error) {
          failures.push([shard, error]);
        }
      }),
    );
    this.canceling = false;
    this.host.requestUpdate();
    if (failures.length === 0) return;
    const [[, error]] = failures;
    this.cancelProblem =
      active.length === 1
        ? `${messageOf(error)} The Job was not canceled; try again, or cancel it on its Hugging Face page.`
        : `${failures.map(([shard]) => shardName(shard)).join(', ')} could not be canceled: ${messageOf(error)} Try again, or cancel ${failures.length === 1 ? 'it on its' : 'them on their'} Hugging Face page.`;
    this.host.requestUpdate();
  }
}
