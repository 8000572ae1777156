/**
 * Every stage a Hugging Face Job goes through, from huggingface_hub's `JobStage` (hub.js's
 * `JobStatusStage` type is out of date and must not be relied on).
 */
export const JOB_STAGES = ['SCHEDULING', 'RUNNING', 'COMPLETED', 'CANCELED', 'ERROR', 'DELETED'] as const;

/** A Job stage. */
export type JobStage = (typeof JOB_STAGES)[number];

const TERMINAL_STAGES: ReadonlySet<string> = new Set<JobStage>(['COMPLETED', 'CANCELED', 'ERROR', 'DELETED']);

/**
 * Whether a Job in this stage will never change again. Unknown stages (the Hub also reports
 * transient ones such as UPDATING) count as still active.
 *
 * @example
 * isTerminalStage('RUNNING')   // → false
 * isTerminalStage('COMPLETED') // → true
 */
export function isTerminalStage(stage: string): boolean {
  return TERMINAL_STAGES.has(stage);
}
