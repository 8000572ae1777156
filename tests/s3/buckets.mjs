import { CreateBucketCommand, PutBucketCorsCommand, PutBucketPolicyCommand } from '@aws-sdk/client-s3';

/** Names of the three test buckets of contract A. */
export const BUCKETS = Object.freeze({ cors: 's3hf-cors', noCors: 's3hf-nocors', public: 's3hf-public' });

/**
 * Creates the three test buckets (if missing) and configures them:
 * - `s3hf-cors`: CORS for `corsOrigins`;
 * - `s3hf-nocors`: no CORS configuration at all;
 * - `s3hf-public`: anonymous list + read through a bucket policy, and the same CORS.
 *
 * RGW 16 (verified) accepts one `*` wildcard anywhere in an AllowedOrigin, like AWS:
 * `http://localhost:*` and `http://127.0.0.1:*` allow any port on those hosts, but not the
 * port-less `http://localhost`, and `*` also matches dots, so `http://localhost:3000.evil.com`
 * passes too. A plain `*` rule answers real requests with `Access-Control-Allow-Origin: *` and
 * preflights with the echoed Origin.
 * @param {import('@aws-sdk/client-s3').S3Client} s3 client of the buckets' owner
 * @param {{ corsOrigins: string[] }} options
 */
export async function createTestBuckets(s3, { corsOrigins }) {
  await Promise.all(Object.values(BUCKETS).map((bucket) => createBucketIfMissing(s3, bucket)));
  const cors = corsConfiguration(corsOrigins);
  const configurePublicBucket = async () => {
    // One after the other: RGW stores both as attributes of the bucket, and two concurrent
    // updates of one bucket can silently drop one of them (seen with CORS + policy).
    await s3.send(new PutBucketCorsCommand({ Bucket: BUCKETS.public, CORSConfiguration: cors }));
    await s3.send(new PutBucketPolicyCommand({ Bucket: BUCKETS.public, Policy: JSON.stringify(publicReadPolicy(BUCKETS.public)) }));
  };
  await Promise.all([s3.send(new PutBucketCorsCommand({ Bucket: BUCKETS.cors, CORSConfiguration: cors })), configurePublicBucket()]);
}

async function createBucketIfMissing(s3, bucket) {
  try {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    if (error.name !== 'BucketAlreadyOwnedByYou') throw error;
  }
}

function corsConfiguration(origins) {
  return {
    CORSRules: [
      {
        AllowedOrigins: origins,
        AllowedMethods: ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'],
        AllowedHeaders: ['*'],
        ExposeHeaders: ['ETag', 'x-amz-request-id', 'x-amz-bucket-region'],
        // Lets browsers reuse a preflight for ten minutes instead of sending one per request.
        MaxAgeSeconds: 600,
      },
    ],
  };
}

function publicReadPolicy(bucket) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AnonymousListAndRead',
        Effect: 'Allow',
        Principal: '*',
        Action: ['s3:ListBucket', 's3:GetObject'],
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
      },
    ],
  };
}
