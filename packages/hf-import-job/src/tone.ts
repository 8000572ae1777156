/** The colour a stage, an outcome or a notice is shown in. */
export type Tone = 'neutral' | 'active' | 'success' | 'warning' | 'danger';

/** The tone of a Job's stage. */
export function stageTone(stage: string): Tone {
  if (stage === 'RUNNING' || stage === 'SCHEDULING') return 'active';
  if (stage === 'COMPLETED') return 'success';
  if (stage === 'ERROR') return 'danger';
  return 'neutral';
}
