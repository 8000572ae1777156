// Fills a fresh bucket of the S3 test server fast: Swift bulk uploads of 625 small objects per
// request (tests/s3/swift-bulk-upload.mjs), several in flight. Seeding time is not a figure.
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { createS3Client } from '../../tests/s3/s3-client.mjs';
import { swiftBulkUpload, swiftLogin } from '../../tests/s3/swift-bulk-upload.mjs';

const BATCH = 625;

/**
 * Creates `bucket` and uploads `files` (plain key characters only, at most 100 bytes per key).
 * @param {{ server: { endpoint: string, accessKeyId: string, secretAccessKey: string }, swift: { endpoint: string, user: string, key: string } }} s3
 * @param {string} bucket
 * @param {Array<{ key: string, body: Uint8Array }>} files
 */
export async function seedBucket({ server, swift }, bucket, files, { concurrency = 8 } = {}) {
  const client = createS3Client({ endpoint: server.endpoint, credentials: server });
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } finally {
    client.destroy();
  }
  const session = await swiftLogin(swift);
  let next = 0;
  const upload = async () => {
    while (next < files.length) {
      const start = next;
      next += BATCH;
      await swiftBulkUpload(session, { bucket, files: files.slice(start, start + BATCH) });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, upload));
}
