// One Job: its spec, stage, captured log lines, and the JobInfo JSON the API returns (secret
// values never leave this object; the API shows secret names only).
import { EventEmitter } from 'node:events';

/** Stages in which a Job never changes again. */
export const TERMINAL_STAGES = Object.freeze(['COMPLETED', 'CANCELED', 'ERROR', 'DELETED']);

const DEFAULT_TIMEOUT_SECONDS = 30 * 60;

function seconds(from, to) {
  return from && to ? Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000)) : 0;
}

/**
 * Events: 'log' (entry), 'stage' (stage), 'logs-closed'.
 */
export class Job extends EventEmitter {
  /**
   * @param {{ id: string, spec: import('./job-spec.mjs').JobSpec, owner: { id: string, name: string, type: string },
   *   initiator: { id: string, name: string } }} options
   */
  constructor({ id, spec, owner, initiator }) {
    super();
    // Every open log stream listens to its Job; many concurrent streams are normal here.
    this.setMaxListeners(0);
    this.id = id;
    this.spec = spec;
    this.owner = owner;
    this.initiator = initiator;
    this.createdAt = new Date().toISOString();
    /** @type {string | undefined} */
    this.startedAt = undefined;
    /** @type {string | undefined} */
    this.finishedAt = undefined;
    this.stage = 'SCHEDULING';
    /** @type {string | null} */
    this.message = null;
    /** @type {{ data: string, timestamp: string }[]} */
    this.logs = [];
    /** True once no more log lines can arrive (the process's output closed, or it never ran). */
    this.logsClosed = false;
  }

  get timeoutSeconds() {
    return this.spec.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  }

  get isTerminal() {
    return TERMINAL_STAGES.includes(this.stage);
  }

  /** The synthetic first line of every log stream (sent even while SCHEDULING). */
  get startedLine() {
    return { data: `===== Job started at ${this.createdAt} =====`, timestamp: this.createdAt };
  }

  markRunning() {
    this.stage = 'RUNNING';
    this.startedAt = new Date().toISOString();
    this.emit('stage', this.stage);
  }

  /**
   * Moves to a terminal stage; later calls are ignored (the first outcome wins, e.g. CANCELED
   * over the ERROR a killed process would otherwise report).
   * @param {'COMPLETED' | 'CANCELED' | 'ERROR' | 'DELETED'} stage
   * @param {string | null} [message]
   * @returns {boolean} whether the stage changed
   */
  finish(stage, message = null) {
    if (this.isTerminal) return false;
    this.stage = stage;
    this.message = message;
    this.finishedAt = new Date().toISOString();
    this.emit('stage', this.stage);
    return true;
  }

  /** DELETED overrides any stage, even a terminal one (the Job disappears from the Hub's point of view). */
  markDeleted() {
    if (!this.isTerminal) this.finishedAt = new Date().toISOString();
    this.stage = 'DELETED';
    this.message = 'Job deleted';
    this.emit('stage', this.stage);
  }

  /** @param {string} line */
  appendLog(line) {
    const entry = { data: line, timestamp: new Date().toISOString() };
    this.logs.push(entry);
    this.emit('log', entry);
  }

  closeLogs() {
    this.logsClosed = true;
    this.emit('logs-closed');
  }

  /** The Hub's JobInfo JSON. */
  toJSON() {
    const { spec } = this;
    const end = this.finishedAt ?? new Date().toISOString();
    const schedulingSecs = seconds(this.createdAt, this.startedAt ?? end);
    const runningSecs = seconds(this.startedAt, end);
    return {
      type: 'job',
      id: this.id,
      createdAt: this.createdAt,
      startedAt: this.startedAt ?? null,
      finishedAt: this.finishedAt ?? null,
      ...(spec.dockerImage ? { dockerImage: spec.dockerImage } : { spaceId: spec.spaceId }),
      command: spec.command,
      arguments: spec.arguments,
      environment: spec.environment,
      secrets: Object.keys(spec.secrets),
      flavor: spec.flavor,
      arch: spec.arch ?? 'amd64',
      labels: spec.labels ?? {},
      ...(spec.volumes ? { volumes: spec.volumes } : {}),
      timeoutSeconds: this.timeoutSeconds,
      attempts: 1,
      status: { stage: this.stage, message: this.message, failureCount: this.stage === 'ERROR' ? 1 : 0 },
      durations: { schedulingSecs, runningSecs, totalSecs: schedulingSecs + runningSecs },
      owner: this.owner,
      initiator: { type: 'user', ...this.initiator },
      createdBy: this.initiator,
    };
  }
}
