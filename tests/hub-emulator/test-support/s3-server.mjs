// The S3 server for the `hf` emulation tests: the one `npm test` started (S3_TEST_SERVER, contract F)
// or a fresh one from tests/s3 (contract A).
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';

/**
 * @typedef {{ endpoint: string, region: string, accessKeyId: string, secretAccessKey: string,
 *   otherUser: { accessKeyId: string, secretAccessKey: string }, corsBucket: string, publicBucket: string,
 *   objects: { key: string, size: number }[] }} S3ServerInfo
 */

/** Lists a bucket with the AWS SDK (used when the environment could not carry the object list). */
async function listAllObjects(server, bucket) {
  const client = new S3Client({
    endpoint: server.endpoint,
    region: server.region,
    forcePathStyle: true,
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
  });
  const objects = [];
  let token;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    for (const item of page.Contents ?? []) objects.push({ key: /** @type {string} */ (item.Key), size: item.Size ?? 0 });
    token = page.NextContinuationToken;
  } while (token);
  client.destroy();
  return objects;
}

/** @returns {Promise<{ server: S3ServerInfo, stop: () => Promise<void> }>} */
export async function useS3TestServer() {
  if (process.env.S3_TEST_SERVER) {
    const server = JSON.parse(process.env.S3_TEST_SERVER);
    // A 5,000-key `objects` list can exceed the 128 KiB limit of one environment variable, so a
    // harness may leave it out; the seeded tree is then read back from S3 itself.
    server.objects ??= await listAllObjects(server, server.corsBucket);
    return { server, stop: async () => {} };
  }
  const { startS3TestServer } = await import('../../s3/index.mjs');
  const server = await startS3TestServer();
  return { server, stop: () => server.stop() };
}
