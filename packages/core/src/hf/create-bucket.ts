import { getBucket } from './get-bucket.js';
import { HfApiError } from './hf-api-error.js';
import type { HfCallOptions } from './hf-call-options.js';
import { prepareHubCall } from './prepare-hub-call.js';

/** The inputs of {@link createBucket}. */
export interface CreateBucketOptions extends HfCallOptions {
  namespace: string;
  name: string;
  private?: boolean;
}

/** Whether {@link createBucket} made a new bucket; `id` is `namespace/name` either way. */
export type CreateBucketResult = { created: true; id: string; url: string } | { created: false; id: string };

/**
 * Creates a Storage Bucket (`POST /api/buckets/{namespace}/{name}`), treating "already exists"
 * as success: a 409, or a 401/403 on create for a bucket that exists and is readable (tokens
 * that may write to existing buckets without creating new ones), gives `{ created: false }`.
 *
 * @throws {HfApiError} 'forbidden' (naming the missing permission), 'unauthorized', …
 * @example
 * const { created } = await createBucket({ namespace: 'alice', name: 'imports', private: true, accessToken });
 */
export async function createBucket(options: CreateBucketOptions): Promise<CreateBucketResult> {
  const { namespace, name } = options;
  const id = `${namespace}/${name}`;
  const call = prepareHubCall(options, { description: `create the bucket ${id}`, permission: 'write-buckets' });
  try {
    const response = await call.fetch(`${call.hubUrl}/api/buckets/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { ...call.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ private: options.private ?? false }),
    });
    const body = (await response.json()) as { url: string };
    return { created: true, id, url: body.url };
  } catch (error) {
    if (!(error instanceof HfApiError)) throw error;
    if (error.kind === 'conflict') return { created: false, id };
    if (error.kind === 'forbidden' || error.kind === 'unauthorized') {
      const existing = await getBucket(options).catch(() => undefined);
      if (existing) return { created: false, id };
    }
    throw error;
  }
}
