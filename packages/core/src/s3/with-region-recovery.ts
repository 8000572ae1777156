import type { S3Connection } from './s3-connection.js';
import { S3Error } from './s3-error.js';

/** Result of {@link withRegionRecovery}. */
export interface RegionRecoveryResult<T> {
  result: T;
  /** The connection that worked: the original, or a copy with the corrected region. */
  connection: S3Connection;
  /** The region S3 pointed to, when the first try was in the wrong one. */
  correctedRegion?: string;
}

/**
 * Runs `run` and, when it fails with a 'wrong-region' {@link S3Error} that names the bucket's
 * region, runs it once more with that region. Keep using the returned connection afterwards.
 *
 * @example
 * const { result, correctedRegion } = await withRegionRecovery(connection, (c) => listFolder(c, ''));
 * if (correctedRegion) notify(`Region corrected to ${correctedRegion}.`);
 */
export async function withRegionRecovery<T>(
  connection: S3Connection,
  run: (connection: S3Connection) => Promise<T>,
): Promise<RegionRecoveryResult<T>> {
  try {
    return { result: await run(connection), connection };
  } catch (error) {
    const region = error instanceof S3Error && error.kind === 'wrong-region' ? error.region : undefined;
    if (!region || region === connection.region) throw error;
    const corrected = { ...connection, region };
    return { result: await run(corrected), connection: corrected, correctedRegion: region };
  }
}
