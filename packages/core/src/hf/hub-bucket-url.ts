import { DEFAULT_HUB_URL } from './hf-call-options.js';

/**
 * The bucket's page on the Hub (`{hubUrl}/buckets/{namespace}/{name}`), for linking to it.
 *
 * @example
 * hubBucketUrl({ namespace: 'alice', name: 'imports' }); // → 'https://huggingface.co/buckets/alice/imports'
 */
export function hubBucketUrl({ hubUrl = DEFAULT_HUB_URL, namespace, name }: { hubUrl?: string; namespace: string; name: string }): string {
  return `${hubUrl.replace(/\/+$/, '')}/buckets/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
}
