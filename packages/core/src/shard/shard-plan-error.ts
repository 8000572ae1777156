/** The option of `planImportShards` / `recommendShardCount` an error is about. */
export type ShardOptionField = 'shards' | 'maxBytesPerShard' | 'maxFilesPerShard';

/**
 * An option of the shard planner that cannot be used. `field` names it, so a form can show the
 * message next to that control; the message says what to enter instead.
 */
export class ShardPlanError extends Error {
  override readonly name = 'ShardPlanError';
  readonly kind = 'invalid-shard-option';

  constructor(
    readonly field: ShardOptionField,
    message: string,
  ) {
    super(message);
  }
}
