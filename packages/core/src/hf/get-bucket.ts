import { HfApiError } from './hf-api-error.js';
import type { HfCallOptions } from './hf-call-options.js';
import { prepareHubCall } from './prepare-hub-call.js';

/** A Storage Bucket's info (`GET /api/buckets/{namespace}/{name}`); other fields may follow. */
export interface HfBucketInfo {
  /** `namespace/name` */
  id: string;
  private?: boolean;
  createdAt?: string;
  [field: string]: unknown;
}

/**
 * A Storage Bucket's info, or undefined when it does not exist (or the token cannot see it).
 *
 * @throws {HfApiError} for anything but 404 ('unauthorized', 'forbidden', 'network', …).
 * @example
 * if (!(await getBucket({ namespace: 'alice', name: 'imports', accessToken }))) …
 */
export async function getBucket(options: HfCallOptions & { namespace: string; name: string }): Promise<HfBucketInfo | undefined> {
  const { namespace, name } = options;
  const call = prepareHubCall(options, { description: `read the bucket ${namespace}/${name}`, permission: 'read-buckets' });
  try {
    const response = await call.fetch(`${call.hubUrl}/api/buckets/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`, {
      headers: call.headers,
    });
    return (await response.json()) as HfBucketInfo;
  } catch (error) {
    if (error instanceof HfApiError && error.kind === 'not-found') return undefined;
    throw error;
  }
}
