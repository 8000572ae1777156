import { S3Client } from '@aws-sdk/client-s3';

// The SDK warns once per process that its 2027 releases will need Node 22; in test output that
// warning is noise, so it is switched off unless the caller decided otherwise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * A signed S3 client for the local RADOS Gateway: path-style addressing, region us-east-1, and
 * checksums only where S3 requires them (RGW 16 rejects the SDK's default aws-chunked checksum
 * trailers on streamed bodies).
 * @param {{ endpoint: string, credentials: { accessKeyId: string, secretAccessKey: string }, maxAttempts?: number }} options
 * @returns {S3Client}
 * @example
 * const s3 = createS3Client({ endpoint: server.endpoint, credentials: server });
 */
export function createS3Client({ endpoint, credentials, maxAttempts }) {
  return new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
    ...(maxAttempts ? { maxAttempts } : {}),
  });
}
