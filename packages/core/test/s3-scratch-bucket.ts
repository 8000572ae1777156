// A throwaway bucket on the test server for tests that need objects or settings the shared
// fixture does not have; it is emptied and deleted afterwards so the shared buckets stay as seeded.
import { randomUUID } from 'node:crypto';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { S3TestServerInfo } from './s3-test-fixture.js';

export interface ScratchBucket {
  bucket: string;
  /** An owner's client for setting the bucket up. */
  client: S3Client;
  remove(): Promise<void>;
}

export async function createScratchBucket(server: S3TestServerInfo, keys: string[] = []): Promise<ScratchBucket> {
  const client = new S3Client({
    endpoint: server.endpoint,
    region: server.region,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
  });
  const bucket = `s3hf-core-${randomUUID().slice(0, 8)}`;
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  for (const key of keys) {
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: key }));
  }
  return {
    bucket,
    client,
    async remove() {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      for (const { Key } of listed.Contents ?? []) await client.send(new DeleteObjectCommand({ Bucket: bucket, Key }));
      await client.send(new DeleteBucketCommand({ Bucket: bucket }));
      client.destroy();
    },
  };
}
