// A throwaway bucket on the S3 test server filled with a given tree, for tests whose shape the
// shared fixture does not have. Uploads run in parallel; `remove()` empties and deletes it.
import { randomUUID } from 'node:crypto';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { S3TestServerInfo } from './s3-test-fixture.js';

export interface SeededObject {
  key: string;
  body: string | Uint8Array;
}

export interface SeededBucket {
  bucket: string;
  client: S3Client;
  remove(): Promise<void>;
}

export async function createSeededBucket(
  server: Pick<S3TestServerInfo, 'endpoint' | 'region' | 'accessKeyId' | 'secretAccessKey'>,
  objects: readonly SeededObject[],
  { concurrency = 16 } = {},
): Promise<SeededBucket> {
  const client = new S3Client({
    endpoint: server.endpoint,
    region: server.region,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
  });
  const bucket = `s3hf-seeded-${randomUUID().slice(0, 8)}`;
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  let next = 0;
  const upload = async () => {
    while (next < objects.length) {
      const { key, body } = objects[next++];
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, upload));
  return {
    bucket,
    client,
    async remove() {
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken }));
        const keys = (page.Contents ?? []).flatMap(({ Key }) => (Key === undefined ? [] : [{ Key }]));
        if (keys.length > 0) await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys } }));
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
      await client.send(new DeleteBucketCommand({ Bucket: bucket }));
      client.destroy();
    },
  };
}
