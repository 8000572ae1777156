import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { swiftBulkUpload, swiftLogin } from './swift-bulk-upload.mjs';
import { fitsUstarName } from './tar-archive.mjs';

// Keys of plain path characters go in Swift bulk uploads (one tar of `BULK_BATCH` objects per
// request); every other key, the hostile ones above all, is sent as an S3 PutObject through the
// SDK, which also proves that signing such keys works.
const PLAIN_KEY = /^[A-Za-z0-9._/-]+$/;
const BULK_BATCH = 625;

/**
 * Uploads `objects` into every bucket of `buckets`, skipping keys that already hold an object of
 * the same size, so seeding a reused cluster again is cheap. All uploads share one pool of
 * `concurrency` requests in flight.
 * @param {{ s3: import('@aws-sdk/client-s3').S3Client, swift: { endpoint: string, user: string, key: string },
 *   buckets: string[], objects: Array<{ key: string, size: number, body: Uint8Array }>, concurrency?: number }} options
 * @returns {Promise<{ uploaded: number }>}
 */
export async function seedBuckets({ s3, swift, buckets, objects, concurrency = 32 }) {
  const bulkBatches = [];
  const puts = [];
  for (const bucket of buckets) {
    const existing = await listSizes(s3, bucket);
    const missing = objects.filter((object) => existing.get(object.key) !== object.size);
    const plain = missing.filter(({ key }) => PLAIN_KEY.test(key) && fitsUstarName(key));
    for (let start = 0; start < plain.length; start += BULK_BATCH) {
      bulkBatches.push({ bucket, files: plain.slice(start, start + BULK_BATCH) });
    }
    puts.push(...missing.filter((object) => !plain.includes(object)).map((object) => ({ bucket, object })));
  }
  const session = bulkBatches.length ? await swiftLogin(swift) : undefined;
  // Bulk batches go first: they are the long jobs, and the short PUTs fill the remaining slots.
  const jobs = [
    ...bulkBatches.map((batch) => () => swiftBulkUpload(session, batch)),
    ...puts.map(({ bucket, object }) => () => s3.send(new PutObjectCommand({ Bucket: bucket, Key: object.key, Body: object.body }))),
  ];
  await runConcurrently(jobs, concurrency);
  return { uploaded: bulkBatches.reduce((total, batch) => total + batch.files.length, puts.length) };
}

/**
 * Every key of a bucket with its size, through all ListObjectsV2 pages.
 * @param {import('@aws-sdk/client-s3').S3Client} s3
 * @param {string} bucket
 * @returns {Promise<Map<string, number>>}
 */
export async function listSizes(s3, bucket) {
  const sizes = new Map();
  let ContinuationToken;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken }));
    for (const { Key, Size } of page.Contents ?? []) sizes.set(Key, Size);
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken);
  return sizes;
}

async function runConcurrently(jobs, concurrency) {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      try {
        await jobs[next++]();
      } catch (error) {
        next = jobs.length; // the other workers stop taking new jobs
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
}
